// Every contract as the quality report reads it, streamed (never held by the server): its ends,
// `carries`, its dates as written, and which other fields it has as bits — 1 records, 2 subjects,
// 4 data categories, 8 source, 16 confidence possible (PRESENCE in domain/quality.ts).
MATCH (a:Organisation)-[c:OUTSOURCES_TO]->(b:Organisation)
RETURN c.id AS id, a.id AS consignor, b.id AS contractor, c.carries AS carries,
       c.since AS since, c.until AS until, c.deleteBy AS deleteBy,
       CASE WHEN c.records IS NULL THEN 0 ELSE 1 END
         + CASE WHEN c.subjects IS NULL THEN 0 ELSE 2 END
         + CASE WHEN c.dataCategories IS NULL THEN 0 ELSE 4 END
         + CASE WHEN c.source IS NULL THEN 0 ELSE 8 END
         + CASE WHEN c.confidence = 'possible' THEN 16 ELSE 0 END AS present
