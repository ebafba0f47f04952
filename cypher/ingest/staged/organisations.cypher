// Staged rows are invisible to every query (they start from :Organisation) until promoted.
UNWIND $rows AS row
CREATE (o:StagedOrganisation {id: row.id})
SET o += row.props
