// The export: one batch of the live contracts after $after, in id order (the contract id index),
// as the register's columns. Both ends live organisations: staged and retired copies of the
// contracts share the index until a load has swapped them in or deleted them.
MATCH (a:Organisation)-[c:OUTSOURCES_TO]->(b:Organisation)
WHERE c.id > $after
RETURN c.id AS cursor,
       c.id AS id, a.id AS consignor, b.id AS contractor, c.service AS service, c.records AS records,
       c.subjects AS subjects, c.dataCategories AS data_categories, c.since AS since, c.until AS until,
       c.deleteBy AS delete_by, c.carries AS carries, c.confidence AS confidence, c.source AS source
ORDER BY c.id
LIMIT $batch
