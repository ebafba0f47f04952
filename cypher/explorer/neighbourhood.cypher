// An organisation and the organisations one contract away, with those contracts (capped).
MATCH (o:Organisation {id: $id})
OPTIONAL MATCH (o)-[c:OUTSOURCES_TO]-(n:Organisation)
WITH o, c, n ORDER BY c.records DESC, c.id LIMIT $limit
WITH o, collect(n {.id, .name, .nameEn, .kind, .region}) AS neighbours,
     collect(c {.id, .records, .subjects, .service, .carries, consignor: startNode(c).id, contractor: endNode(c).id}) AS contracts
RETURN o {.id, .name, .nameEn, .kind, .region} AS centre, neighbours, contracts,
       COUNT { (o)-[:OUTSOURCES_TO]-() } AS contractsTotal
