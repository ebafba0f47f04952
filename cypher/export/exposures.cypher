// The export: one batch of the live reports after $after, in the order of their key
// (incident|organisation|reported_on, indexed), as the register's columns.
MATCH (i:Incident)-[e:EXPOSED]->(o:Organisation)
WHERE e.key > $after
RETURN e.key AS cursor,
       i.id AS incident, o.id AS organisation, e.records AS records, e.subjects AS subjects,
       e.grossRecords AS gross_records, e.dataCategories AS data_categories, e.status AS status,
       e.reportedOn AS reported_on, e.learnedOn AS learned_on, e.source AS source
ORDER BY e.key
LIMIT $batch
