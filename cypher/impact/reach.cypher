// Depth and one shortest chain of every organisation that reaches a compromised one over
// active contracts (DOMAIN.md, "Active contracts" and "Depth"). SHORTEST 1 plans as
// StatefulShortestPath: one breadth-first search from each compromised organisation with the
// contract and organisation predicates inlined, never an enumeration of paths.
// Keep the contract predicate identical to counted-contracts.cypher.
MATCH p = SHORTEST 1 (c:Organisation WHERE c.id IN $compromised AND NOT c.id IN $excludedOrganisations)
  (()<-[r:OUTSOURCES_TO WHERE NOT r.id IN $excludedContracts
      AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
      AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)]-
   (m:Organisation WHERE NOT m.id IN $excludedOrganisations))+
  (up:Organisation)
WHERE NOT up.id IN $compromised
WITH up, length(p) AS depth, [n IN reverse(nodes(p)) | n.id] AS path
ORDER BY depth, path
WITH up, min(depth) AS depth, head(collect(path)) AS path
WHERE $maxDepth IS NULL OR depth <= $maxDepth
RETURN up.id AS id, up.name AS name, up.nameEn AS nameEn, up.kind AS kind, up.region AS region, depth, path
