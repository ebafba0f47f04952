// The swap, part 1 (--replace): the live graph stops being live. Its relationships only join
// retired nodes, so no query that starts from a live label can reach them.
MATCH (n:Organisation|Incident)
REMOVE n:Organisation:Incident
SET n:Retired
