// Organisation search over ids and Japanese and English names: prefix matches first, then
// substrings; shorter names first. $q is lower-cased by the caller.
MATCH (o:Organisation)
WHERE toLower(o.id) CONTAINS $q OR toLower(o.name) CONTAINS $q OR toLower(coalesce(o.nameEn, '')) CONTAINS $q
WITH o,
     CASE WHEN toLower(o.id) STARTS WITH $q OR toLower(o.name) STARTS WITH $q
               OR toLower(coalesce(o.nameEn, '')) STARTS WITH $q THEN 0 ELSE 1 END AS rank
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region
ORDER BY rank, size(o.name), o.id
LIMIT $limit
