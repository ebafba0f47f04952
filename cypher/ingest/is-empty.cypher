// Empty of live data: staged or retired leftovers do not count.
RETURN NOT EXISTS { MATCH (n:Organisation|Incident) } AS empty
