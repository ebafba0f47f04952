// The contracts among the overview's organisations ($idSet: their ids as map keys).
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[c:OUTSOURCES_TO]->(b:Organisation)
USING INDEX a:Organisation(id)
WHERE $idSet[b.id] IS NOT NULL
RETURN c.id AS id, a.id AS consignor, b.id AS contractor, c.records AS records, c.service AS service
