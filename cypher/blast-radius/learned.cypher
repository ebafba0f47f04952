// The days organisations recorded they learned of an incident that hit a compromised organisation
// ($compromised): exposures.csv `learned_on`, where their breach-response clocks start; of several
// rows for one incident and organisation (revisions), the earliest.
MATCH (i:Incident)-[:HIT]->(c:Organisation)
WHERE c.id IN $compromised
MATCH (i)-[e:EXPOSED]->(o:Organisation)
WHERE e.learnedOn IS NOT NULL
RETURN i.id AS incident, o.id AS organisation, min(e.learnedOn) AS learnedOn
ORDER BY incident, organisation
