RETURN COUNT { (n:StagedOrganisation|StagedIncident|Retired) } AS leftovers
