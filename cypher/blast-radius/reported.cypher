// What organisations reported about incidents that hit a compromised organisation.
MATCH (i:Incident)-[:HIT]->(c:Organisation)
WHERE c.id IN $compromised
MATCH (i)-[e:EXPOSED]->(o:Organisation)
RETURN i.id AS incident, o.id AS organisation, e.records AS records, e.subjects AS subjects,
       e.grossRecords AS grossRecords, e.status AS status, e.reportedOn AS reportedOn, e.source AS source
ORDER BY organisation, reportedOn, incident
