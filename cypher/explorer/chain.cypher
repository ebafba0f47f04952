// The contracts of one chain ($ids, in the chain's order) with their dates, and the incidents that
// hit any of their contractors: what the exposure timeline of a focused chain draws.
CALL {
  UNWIND range(0, size($ids) - 1) AS position
  WITH position, $ids[position] AS id
  MATCH (a:Organisation)-[c:OUTSOURCES_TO {id: id}]->(b:Organisation)
  USING INDEX c:OUTSOURCES_TO(id)
  WITH position, c, a, b ORDER BY position
  RETURN collect(c {.id, .service, .records, .since, .until, .deleteBy, .source,
                    consignor: a.id, contractor: b.id}) AS contracts,
         collect(DISTINCT b) AS contractors
}
CALL (contractors) {
  UNWIND contractors AS hit
  MATCH (i:Incident)-[:HIT]->(hit)
  WITH DISTINCT i, hit ORDER BY i.discovered, i.id
  RETURN collect(i {.id, .kind, .discovered, .disclosed, .actor, .source, victim: hit.id}) AS incidents
}
RETURN contracts, incidents
