// --replace: the whole graph goes, inside the same transaction as the load that replaces it.
MATCH (n)
DETACH DELETE n
