// The counted contracts themselves, for the organisations an answer lists ($shown): the edges
// drawn and exported, their data categories and sources. Same conditions as
// organisation-figures.cypher; keep the contract predicate identical to reach.cypher.
UNWIND $shown AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WITH a, r, b, $depthOf[b.id] AS contractorDepth
WHERE contractorDepth IS NOT NULL
  AND ($maxDepth IS NULL OR contractorDepth + 1 <= $maxDepth)
  AND NOT r.id IN $excludedContracts
  AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
  AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.dataCategories AS dataCategories, r.source AS source
