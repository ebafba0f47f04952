// The contracts among the overview's organisations ($idSet: their ids as map keys), at most
// $contractLimit of them, those entrusting the most records first: tens of thousands of arrows
// among 2,000 dots draw nothing an analyst can read. `among` counts them all.
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[c:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WHERE $idSet[b.id] IS NOT NULL
WITH c, a, b
ORDER BY coalesce(c.records, -1) DESC, c.id
WITH collect({id: c.id, consignor: a.id, contractor: b.id, records: c.records, service: c.service, carries: c.carries}) AS found
RETURN found[0..$contractLimit] AS contracts, size(found) AS among
