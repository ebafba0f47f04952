// The overview: the $limit organisations with the most contracts, with the records entrusted
// to or by them (known counts only; `undisclosed` says how many were not known). The contract
// count is stored at load (`degree`, range-indexed): the index gives the organisations in that
// order, so only the first $limit are read, not every organisation counted and sorted.
MATCH (o:Organisation)
WHERE o.degree IS NOT NULL
WITH o, o.degree AS degree
ORDER BY degree DESC, o.id
LIMIT $limit
OPTIONAL MATCH (o)-[c:OUTSOURCES_TO]-()
WITH o, degree, sum(c.records) AS records, count(c) - count(c.records) AS undisclosed
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region, degree, records, undisclosed
