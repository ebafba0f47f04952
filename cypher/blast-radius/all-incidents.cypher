// Every incident with the organisation it hit: the API's in-memory copy answers breach response
// (blast-radius/incidents.cypher) from these, so that an answer from a copy of an earlier load
// never reads the live graph.
MATCH (i:Incident)-[:HIT]->(c:Organisation)
RETURN i.id AS id, c.id AS victim, i.kind AS kind, i.discovered AS discovered, i.disclosed AS disclosed,
       i.actor AS actor, i.source AS source
ORDER BY id, victim
