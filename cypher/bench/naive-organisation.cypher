// The naive loader: one organisation per transaction.
MERGE (o:Organisation {id: $row.id})
SET o += $row.props
