// Every organisation that has at least one contract pointing at it.
MATCH (v:Organisation)
WHERE EXISTS { (v)<-[:OUTSOURCES_TO]-() }
RETURN v.id AS id, v.name AS name, v.nameEn AS nameEn, v.kind AS kind
