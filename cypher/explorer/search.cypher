// Organisation search over ids and Japanese and English names: prefix matches first, then
// substrings; shorter names first. $q is lower-cased by the caller. Each branch is one lookup in
// a TEXT index on a lower-cased copy stored at load (searchId, searchName, searchNameEn): a
// prefix is a range seek, a substring a contains-scan of the index, never a pass over every
// organisation. A name matched both ways keeps its best rank.
CALL () {
  MATCH (o:Organisation) WHERE o.searchId STARTS WITH $q RETURN o, 0 AS rank
  UNION ALL
  MATCH (o:Organisation) WHERE o.searchName STARTS WITH $q RETURN o, 0 AS rank
  UNION ALL
  MATCH (o:Organisation) WHERE o.searchNameEn STARTS WITH $q RETURN o, 0 AS rank
  UNION ALL
  MATCH (o:Organisation) WHERE o.searchId CONTAINS $q RETURN o, 1 AS rank
  UNION ALL
  MATCH (o:Organisation) WHERE o.searchName CONTAINS $q RETURN o, 1 AS rank
  UNION ALL
  MATCH (o:Organisation) WHERE o.searchNameEn CONTAINS $q RETURN o, 1 AS rank
}
WITH o, min(rank) AS rank
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region
ORDER BY rank, size(o.name), o.id
LIMIT $limit
