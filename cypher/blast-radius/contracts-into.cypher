// One level of the search over contracts (docs/blast-radius.md#2-reach-and-depth): every active
// contract into these organisations ($into), looked up by index. The engine asks it for the
// compromised organisations first, then for each consignor an unscoped sub-contract reached.
UNWIND $into AS id
MATCH (b:Organisation {id: id})<-[r:OUTSOURCES_TO]-(a:Organisation)
USING INDEX b:Organisation(id)
WHERE {{active-contract}}
RETURN r.id AS id, a.id AS consignor, b.id AS contractor, r.records AS records, r.subjects AS subjects,
       r.carries AS carries, r.confidence AS confidence
