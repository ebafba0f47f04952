// Every live organisation's contract count (in and out), stored for the overview's ordering
// (cypher/api/overview-nodes.cypher) after a merge, which may move contracts of any organisation.
MATCH (o:Organisation)
SET o.degree = COUNT { (o)-[:OUTSOURCES_TO]-() }
