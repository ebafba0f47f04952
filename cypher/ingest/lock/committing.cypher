// A load is about to commit the transaction that changes the live graph (the swap, or a merge):
// Neo4j makes a commit visible record by record, so readers wait until `committed` clears this
// (engine/oneLoad.ts) instead of reading a graph that is half the old load and half the new.
MATCH (l:LoadLock {id: 'load'}) WHERE l.owner = $owner
SET l.committing = true
