// Step 5 (docs/blast-radius.md#5-per-organisation-figures-and-path) for every affected organisation at once: its
// counted contracts added up, and the next step of its path: the smallest contractor id one tier
// nearer, as engine/assemble.ts's nearerStep chooses ($depthOf maps every compromised and
// affected id to its depth: a map lookup, where `IN $list` scans per row).
// The index hint matters: left alone, the planner may scan the contract-id index once per row.
UNWIND $affected AS id
MATCH (a:Organisation {id: id})-[r:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WITH a, r, b, $depthOf[b.id] AS contractorDepth
WHERE contractorDepth IS NOT NULL
  AND ($maxDepth IS NULL OR contractorDepth + 1 <= $maxDepth)
  AND {{active-contract}}
RETURN a.id AS id,
       count(r) AS contracts,
       sum(r.records) AS records,
       sum(r.subjects) AS subjects,
       count(r) - count(r.records) AS undisclosed,
       count(r) - count(r.subjects) AS undisclosedSubjects,
       min(CASE WHEN contractorDepth = $depthOf[a.id] - 1 THEN b.id END) AS next
