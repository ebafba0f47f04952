// The dataset a report is made from.
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt
