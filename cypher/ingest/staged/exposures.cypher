UNWIND $rows AS row
MATCH (i:StagedIncident {id: row.incident})
MATCH (o:StagedOrganisation {id: row.organisation})
CREATE (i)-[e:EXPOSED {key: row.key}]->(o)
SET e += row.props
