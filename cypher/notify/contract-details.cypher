// What a packet shows of the contracts it names ($ids): service, data categories, dates and sources.
UNWIND $ids AS id
MATCH (:Organisation)-[r:OUTSOURCES_TO {id: id}]->(:Organisation)
USING INDEX r:OUTSOURCES_TO(id)
RETURN r.id AS id, r.service AS service, r.dataCategories AS dataCategories, r.since AS since,
       r.until AS until, r.deleteBy AS deleteBy, r.source AS source
