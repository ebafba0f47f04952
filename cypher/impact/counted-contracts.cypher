// The counted contracts (DOMAIN.md): active contracts of affected organisations whose
// contractor is compromised or affected and within the depth limit. $depthOf maps every
// compromised and affected id to its depth: a map lookup, where `IN $list` would scan the list
// for every row. Keep the contract predicate identical to reach.cypher.
// The index hint matters: left alone, the planner may scan the contract-id index once per row.
UNWIND $affected AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WHERE $depthOf[b.id] IS NOT NULL
  AND ($maxDepth IS NULL OR $depthOf[b.id] + 1 <= $maxDepth)
  AND NOT r.id IN $excludedContracts
  AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
  AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.sinceStart AS sinceStart, r.deleteByEnd AS deleteByEnd, r.dataCategories AS dataCategories, r.source AS source
