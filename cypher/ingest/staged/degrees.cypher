// The staged organisations' contract counts (in and out), stored before the swap for the
// overview's ordering (cypher/api/overview-nodes.cypher), in small transactions: a million
// contracts do not fit one. Auto-commit only: CALL … IN TRANSACTIONS.
MATCH (o:StagedOrganisation)
CALL (o) {
  SET o.degree = COUNT { (o)-[:OUTSOURCES_TO]-() }
} IN TRANSACTIONS OF 10000 ROWS
