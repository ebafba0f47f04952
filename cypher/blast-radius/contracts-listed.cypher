// One level of the search over contracts, for scoped sub-contracts: the contracts they list
// ($ids) that are active, looked up by the contract-id index.
UNWIND $ids AS id
MATCH (a:Organisation)-[r:OUTSOURCES_TO {id: id}]->(b:Organisation)
USING INDEX r:OUTSOURCES_TO(id)
WHERE {{active-contract}}
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.carries AS carries, r.confidence AS confidence
