// Then the retired and staged nodes, with what relationships are left to them (only ones from
// live nodes, which a swap never leaves). Auto-commit only: CALL … IN TRANSACTIONS.
MATCH (n:StagedOrganisation|StagedIncident|Retired)
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
RETURN COUNT { (n:StagedOrganisation|StagedIncident|Retired) } AS leftovers
