// Into an empty graph (first load, or --replace) ids are known to be new: CREATE, not MERGE.
UNWIND $rows AS row
MATCH (a:Organisation {id: row.consignor})
MATCH (b:Organisation {id: row.contractor})
CREATE (a)-[c:OUTSOURCES_TO {id: row.id}]->(b)
SET c += row.props
