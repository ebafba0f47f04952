// Properties set with += so that a value emptied in the dataset is removed (null removes). The
// search keys are the lower-cased id and names, indexed for the search (cypher/api/search.cypher).
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
SET o += row.props
SET o.searchId = toLower(o.id), o.searchName = toLower(o.name), o.searchNameEn = toLower(o.nameEn)
