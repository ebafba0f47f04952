UNWIND $rows AS row
MATCH (i:Incident {id: row.incident})
MATCH (o:Organisation {id: row.organisation})
MERGE (i)-[e:EXPOSED {key: row.key}]->(o)
SET e += row.props
