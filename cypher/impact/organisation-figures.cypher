// DOMAIN.md step 5 for every affected organisation at once: its counted contracts added up,
// and the contractor one tier nearer along which one shortest chain runs ($depthOf maps every
// compromised and affected id to its depth: a map lookup, where `IN $list` scans per row).
// The index hint matters: left alone, the planner may scan the contract-id index once per row.
// Keep the contract predicate identical to reach.cypher and counted-contracts.cypher.
UNWIND $affected AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WITH a, r, b, $depthOf[b.id] AS contractorDepth
WHERE contractorDepth IS NOT NULL
  AND ($maxDepth IS NULL OR contractorDepth + 1 <= $maxDepth)
  AND NOT r.id IN $excludedContracts
  AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
  AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)
RETURN a.id AS id,
       count(r) AS contracts,
       sum(r.records) AS records,
       sum(r.subjects) AS subjects,
       count(r) - count(r.records) AS undisclosed,
       count(r) - count(r.subjects) AS undisclosedSubjects,
       min(CASE WHEN contractorDepth = $depthOf[a.id] - 1 THEN b.id END) AS next
