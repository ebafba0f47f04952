UNWIND $rows AS row
MATCH (a:StagedOrganisation {id: row.consignor})
MATCH (b:StagedOrganisation {id: row.contractor})
CREATE (a)-[c:OUTSOURCES_TO {id: row.id}]->(b)
SET c += row.props
