// Every organisation, for the API's in-memory copy of the graph (engine/inMemoryCopy.ts).
MATCH (o:Organisation)
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region
