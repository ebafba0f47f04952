UNWIND $rows AS row
MATCH (victim:Organisation {id: row.victim})
MERGE (i:Incident {id: row.id})
SET i += row.props
WITH i, victim
OPTIONAL MATCH (i)-[stale:HIT]->(other:Organisation)
WHERE other <> victim
DELETE stale
WITH DISTINCT i, victim
MERGE (i)-[:HIT]->(victim)
