// The naive way to ask who reaches a vendor: a variable-length pattern whose relationships are
// filtered one by one, which makes Neo4j enumerate every path (VarLengthExpand(All)). Only the
// benchmark runs this, to show what the product's query avoids.
MATCH p = (up:Organisation)-[:OUTSOURCES_TO*1..]->(c:Organisation {id: $vendor})
WHERE all(r IN relationships(p) WHERE r.records IS NULL OR r.records >= 0)
RETURN up.id AS id, min(length(p)) AS depth
