// The dataset the live graph holds: its stamp, and the format the loader stored it in.
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt, d.format AS format, d.contracts AS contracts,
       d IS NOT NULL AS loaded
