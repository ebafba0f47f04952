// The incidents that hit the compromised organisations ($compromised): when the compromise became
// known and what kind of act it was (docs/breach-response.md), and what a packet says happened.
MATCH (i:Incident)-[:HIT]->(c:Organisation)
WHERE c.id IN $compromised
RETURN i.id AS id, c.id AS victim, i.kind AS kind, i.discovered AS discovered, i.disclosed AS disclosed,
       i.actor AS actor, i.source AS source
ORDER BY id, victim
