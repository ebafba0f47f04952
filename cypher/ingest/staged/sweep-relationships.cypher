// The relationships of retired graphs and of staging a failed load left behind, deleted first,
// 10,000 to a transaction: deleting a node with its relationships in one transaction does not fit
// the server's memory when one organisation holds hundreds of thousands of contracts (a 1 GB
// test server failed on a hub of 300,000). Auto-commit only: CALL … IN TRANSACTIONS.
MATCH (:StagedOrganisation|StagedIncident|Retired)-[r]->()
CALL {
  WITH r
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
