// Every organisation, numbering them for the quality report (engine/qualityReads.ts): its names
// name the rows, its kind groups the contracts it entrusts.
MATCH (o:Organisation)
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind
