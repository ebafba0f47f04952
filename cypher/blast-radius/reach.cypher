// Depth of every organisation that reaches a compromised one over active contracts
// (docs/blast-radius.md#2-reach-and-depth). min(length(p)) over a variable-length pattern whose
// relationship predicate is `all(...)` makes Neo4j plan a pruning breadth-first expand
// (VarLengthExpand(Pruning,BFS)) with the predicate inlined: each organisation is visited once
// per compromised one, paths are never enumerated (a test reads the plan).
// With several compromised organisations Neo4j 5.26 may answer once per (compromised, up)
// pair for this shape, so the caller keeps the smallest depth per organisation.
MATCH (c:Organisation)
WHERE c.id IN $compromised
MATCH p = (c)<-[:OUTSOURCES_TO*1..]-(up:Organisation)
WHERE all(r IN relationships(p) WHERE {{active-contract}})
WITH up, min(length(p)) AS depth
WHERE NOT up.id IN $compromised AND ($maxDepth IS NULL OR depth <= $maxDepth)
RETURN up.id AS id, up.name AS name, up.nameEn AS nameEn, up.kind AS kind, up.region AS region, depth
