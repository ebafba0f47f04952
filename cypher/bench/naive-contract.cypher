// The naive loader: one contract per transaction.
MATCH (a:Organisation {id: $row.consignor})
MATCH (b:Organisation {id: $row.contractor})
MERGE (a)-[c:OUTSOURCES_TO {id: $row.id}]->(b)
SET c += $row.props
