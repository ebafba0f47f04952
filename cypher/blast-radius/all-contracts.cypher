// Every contract, for the in-memory vendor ranking and the API's in-memory copy of the graph
// (streamed, not held by the server).
MATCH (a:Organisation)-[r:OUTSOURCES_TO]->(b:Organisation)
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.sinceStart AS sinceStart, r.deleteByEnd AS deleteByEnd, r.dataCategories AS dataCategories,
       r.carries AS carries, r.source AS source, r.service AS service,
       r.confidence AS confidence
