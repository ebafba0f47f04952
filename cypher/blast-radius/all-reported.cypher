// Every exposure reported about an incident, with the organisation the incident hit: the API's
// in-memory copy answers step 7 (reported.cypher) and the days organisations learned of their
// incidents (learned.cypher) from these, so that an answer from a copy of an earlier load never
// reads the live graph.
MATCH (i:Incident)-[:HIT]->(c:Organisation)
MATCH (i)-[e:EXPOSED]->(o:Organisation)
RETURN c.id AS victim, i.id AS incident, o.id AS organisation, e.records AS records, e.subjects AS subjects,
       e.grossRecords AS grossRecords, e.status AS status, e.reportedOn AS reportedOn, e.source AS source,
       e.learnedOn AS learnedOn
