// After an offline import (ingest/offline/pipeline.ts): what the online loader derives as it
// writes, over every imported organisation — the search keys of cypher/ingest/staged/organisations.cypher
// (the lower-cased id and names, indexed for the search) and the contract count (in and out) of
// cypher/ingest/staged/degrees.cypher, for the overview's order. In small transactions: a million
// contracts do not fit one. Auto-commit only: CALL … IN TRANSACTIONS.
MATCH (o:Organisation)
CALL (o) {
  SET o.searchId = toLower(o.id), o.searchName = toLower(o.name), o.searchNameEn = toLower(o.nameEn),
      o.degree = COUNT { (o)-[:OUTSOURCES_TO]-() }
} IN TRANSACTIONS OF 10000 ROWS
