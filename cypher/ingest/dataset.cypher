// What is loaded, for reports: the last dataset's fingerprint and the graph's size after it.
MERGE (d:Dataset {id: 'current'})
SET d.name = $name,
    d.fingerprint = $fingerprint,
    d.loadedAt = $loadedAt,
    d.format = $format,
    d.organisations = COUNT { (:Organisation) },
    d.contracts = COUNT { (:Organisation)-[:OUTSOURCES_TO]->() },
    d.incidents = COUNT { (:Incident) },
    d.exposures = COUNT { (:Incident)-[:EXPOSED]->() }
RETURN d.organisations AS organisations, d.contracts AS contracts, d.incidents AS incidents, d.exposures AS exposures
