UNWIND $rows AS row
MATCH (victim:StagedOrganisation {id: row.victim})
CREATE (i:StagedIncident {id: row.id})
SET i += row.props
CREATE (i)-[:HIT]->(victim)
