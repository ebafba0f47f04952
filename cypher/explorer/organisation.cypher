// One organisation with its contracts (each side capped at $limit, with exact counts), the
// incidents that hit it and what it reported.
MATCH (o:Organisation {id: $id})
CALL (o) {
  OPTIONAL MATCH (o)-[c:OUTSOURCES_TO]->(t:Organisation)
  WITH c, t ORDER BY c.records DESC, c.id LIMIT $limit
  RETURN collect(c {.*, counterpart: t.id, counterpartName: t.name, counterpartKind: t.kind}) AS outgoing
}
CALL (o) {
  OPTIONAL MATCH (s:Organisation)-[c:OUTSOURCES_TO]->(o)
  WITH c, s ORDER BY c.records DESC, c.id LIMIT $limit
  RETURN collect(c {.*, counterpart: s.id, counterpartName: s.name, counterpartKind: s.kind}) AS incoming
}
CALL (o) {
  OPTIONAL MATCH (i:Incident)-[:HIT]->(o)
  RETURN collect(i {.*}) AS incidents
}
CALL (o) {
  OPTIONAL MATCH (i:Incident)-[e:EXPOSED]->(o)
  WITH i, e ORDER BY e.reportedOn
  RETURN collect(e {.*, incident: i.id}) AS exposures
}
RETURN o {.*} AS organisation, outgoing, incoming, incidents, exposures,
       COUNT { (o)-[:OUTSOURCES_TO]->() } AS outgoingTotal,
       COUNT { (o)<-[:OUTSOURCES_TO]-() } AS incomingTotal
