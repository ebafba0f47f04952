// What is staged, checked against the dataset before the swap: a second load running at the same
// time (which would sweep or add staged rows) shows up here as a mismatch.
RETURN COUNT { (:StagedOrganisation) } AS organisations,
       COUNT { (:StagedOrganisation)-[:OUTSOURCES_TO]->() } AS contracts,
       COUNT { (:StagedIncident) } AS incidents,
       COUNT { (:StagedIncident)-[:EXPOSED]->() } AS exposures
