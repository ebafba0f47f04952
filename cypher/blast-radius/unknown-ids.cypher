// The ids a scenario names that the graph does not hold.
UNWIND $organisations AS id
OPTIONAL MATCH (o:Organisation {id: id})
WITH id, o
WHERE o IS NULL
RETURN 'organisation' AS what, id
UNION ALL
UNWIND $contracts AS id
OPTIONAL MATCH (:Organisation)-[c:OUTSOURCES_TO {id: id}]->()
WITH id, c
WHERE c IS NULL
RETURN 'contract' AS what, id
