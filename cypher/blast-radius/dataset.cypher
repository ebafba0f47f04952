// The dataset the live graph holds: its stamp, the format the loader stored it in, and its sizes
// (a copy of the graph checks that it read exactly these).
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt, d.format AS format,
       d.organisations AS organisations, d.contracts AS contracts, d.exposures AS exposures,
       d IS NOT NULL AS loaded
