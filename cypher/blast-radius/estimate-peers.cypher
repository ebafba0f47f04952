// The estimate's peers (docs/blast-radius.md#estimate-of-the-undisclosed): the known counts > 0
// of the scenario's active contracts, by the kind of their consignor (null: unknown kind).
MATCH (a:Organisation)-[r:OUTSOURCES_TO]->(:Organisation)
WHERE (r.records > 0 OR r.subjects > 0) AND {{active-contract}}
RETURN a.kind AS kind,
       collect(CASE WHEN r.records > 0 THEN r.records END) AS records,
       collect(CASE WHEN r.subjects > 0 THEN r.subjects END) AS subjects
