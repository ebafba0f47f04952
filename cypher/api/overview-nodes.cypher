// The overview: the $limit organisations with the most contracts, with the records entrusted
// to or by them (known counts only; `undisclosed` says how many were not known).
MATCH (o:Organisation)
WITH o, COUNT { (o)-[:OUTSOURCES_TO]-() } AS degree
ORDER BY degree DESC, o.id
LIMIT $limit
OPTIONAL MATCH (o)-[c:OUTSOURCES_TO]-()
WITH o, degree, sum(c.records) AS records, count(c) - count(c.records) AS undisclosed
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region, degree, records, undisclosed
