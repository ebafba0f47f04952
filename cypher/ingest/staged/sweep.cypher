// Retired graphs and the staging a failed load left behind, deleted in small transactions
// (a million relationships do not fit one). Auto-commit only: CALL … IN TRANSACTIONS.
MATCH (n:StagedOrganisation|StagedIncident|Retired)
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 200 ROWS
