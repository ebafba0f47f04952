// Staged rows are invisible to every query (they start from :Organisation) until promoted. The
// search keys are the lower-cased id and names, indexed for the search (cypher/api/search.cypher).
UNWIND $rows AS row
CREATE (o:StagedOrganisation {id: row.id})
SET o += row.props
SET o.searchId = toLower(o.id), o.searchName = toLower(o.name), o.searchNameEn = toLower(o.nameEn)
