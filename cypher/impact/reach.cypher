// Depth of every organisation that reaches a compromised one over active contracts
// (DOMAIN.md, "Active contracts" and "Depth"). min(length(p)) over a variable-length pattern
// whose relationship and node predicates are `all(...)` makes Neo4j plan a pruning
// breadth-first expand (VarLengthExpand(Pruning,BFS)) with the predicates inlined: each
// organisation is visited once per compromised one, paths are never enumerated.
// With several compromised organisations Neo4j 5.26 may answer once per (compromised, up)
// pair for this shape, so the caller keeps the smallest depth per organisation.
// Keep the contract predicate identical to counted-contracts.cypher.
MATCH (c:Organisation)
WHERE c.id IN $compromised
MATCH p = (c)<-[:OUTSOURCES_TO*1..]-(up:Organisation)
WHERE all(r IN relationships(p) WHERE NOT r.id IN $excludedContracts
      AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
      AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf))
  AND all(n IN nodes(p) WHERE NOT n.id IN $excludedOrganisations)
WITH up, min(length(p)) AS depth
WHERE NOT up.id IN $compromised AND ($maxDepth IS NULL OR depth <= $maxDepth)
RETURN up.id AS id, up.name AS name, up.nameEn AS nameEn, up.kind AS kind, up.region AS region, depth
