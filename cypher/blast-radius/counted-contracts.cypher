// The counted contracts themselves, for the organisations an answer lists ($shown): the edges
// drawn and exported, their data categories and sources. Same conditions as
// organisation-figures.cypher.
UNWIND $shown AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WITH a, r, b, $depthOf[b.id] AS contractorDepth
WHERE contractorDepth IS NOT NULL
  AND ($maxDepth IS NULL OR contractorDepth + 1 <= $maxDepth)
  AND {{active-contract}}
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.dataCategories AS dataCategories, r.source AS source
