// A contract id that now joins other organisations: the old relationship goes first, so that
// MERGE below does not create a second one with the same id.
UNWIND $rows AS row
MATCH (a:Organisation)-[old:OUTSOURCES_TO {id: row.id}]->(b:Organisation)
WHERE a.id <> row.consignor OR b.id <> row.contractor
DELETE old
