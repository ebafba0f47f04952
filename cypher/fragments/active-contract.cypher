// The active-contract rule (docs/blast-radius.md#1-active-contracts) for a contract `r`: not
// excluded by id, not touching an excluded organisation, not starting after the as-of day and,
// with retention enforced, not due for deletion before it; on confirmed contracts only, not
// marked possible (the loader stores `confidence` only as "possible"). The query loader
// (neo4j/queries.ts) puts it wherever a query says {{active-contract}}; the variable must be
// called `r`. domain/contract.ts's isActive says the same in TypeScript, and a test holds them
// to the same answer on random contracts.
(NOT r.id IN $excludedContracts
 AND (size($excludedOrganisations) = 0
      OR NOT (startNode(r).id IN $excludedOrganisations OR endNode(r).id IN $excludedOrganisations))
 AND ($asOf IS NULL OR r.sinceStart IS NULL OR r.sinceStart <= $asOf)
 AND (NOT $enforceRetention OR r.deleteByEnd IS NULL OR r.deleteByEnd >= $asOf)
 AND NOT ($confirmedOnly AND coalesce(r.confidence, '') = 'possible'))
