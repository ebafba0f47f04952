// The export: one batch of the live incidents after $after, in id order, with the organisation each hit.
MATCH (i:Incident)-[:HIT]->(victim:Organisation)
WHERE i.id > $after
RETURN i.id AS cursor,
       i.id AS id, victim.id AS victim, i.kind AS kind, i.discovered AS discovered,
       i.disclosed AS disclosed, i.actor AS actor, i.source AS source
ORDER BY i.id
LIMIT $batch
