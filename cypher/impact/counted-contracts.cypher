// The active contracts of affected organisations whose contractor is compromised or affected
// ($targets); the caller applies the depth limit. Keep the contract predicate identical to
// reach.cypher.
UNWIND $affected AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
WHERE b.id IN $targets
  AND NOT r.id IN $excludedContracts
  AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
  AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.sinceStart AS sinceStart, r.deleteByEnd AS deleteByEnd, r.dataCategories AS dataCategories, r.source AS source
