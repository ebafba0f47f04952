// The export (engine/exportReads.ts): one batch of the live organisations after $after, in id order,
// as the register's columns. Keyset paging on the id's unique index: every batch is a seek, not a
// scan of what came before, so a million rows cost the same per batch.
MATCH (o:Organisation)
WHERE o.id > $after
RETURN o.id AS cursor,
       o.id AS id, o.name AS name, o.nameEn AS name_en, o.kind AS kind, o.sector AS sector,
       o.region AS region, o.source AS source
ORDER BY o.id
LIMIT $batch
