// Properties set with += so that a value emptied in the dataset is removed (null removes).
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
SET o += row.props
