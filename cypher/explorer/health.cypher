// What the health check reports: the server's version and the dataset that is loaded.
CALL dbms.components() YIELD name, versions, edition
WITH name, versions[0] AS version, edition
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN name, version, edition, d {.name, .fingerprint, .loadedAt, .organisations, .contracts, .incidents, .exposures} AS dataset
