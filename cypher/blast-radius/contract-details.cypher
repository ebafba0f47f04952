// What an answer shows of the counted contracts it lists ($ids): their data categories and sources,
// and the service a packet names.
UNWIND $ids AS id
MATCH (:Organisation)-[r:OUTSOURCES_TO {id: id}]->(:Organisation)
USING INDEX r:OUTSOURCES_TO(id)
RETURN r.id AS id, r.dataCategories AS dataCategories, r.source AS source, r.service AS service
