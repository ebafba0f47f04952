// Whether a load is committing a change to the live graph right now (ingest/lock.ts marks it, and
// its lock says so until its lease runs out): readers wait for the commit (engine/oneLoad.ts)
// rather than read a graph half the old load and half the new.
OPTIONAL MATCH (l:LoadLock {id: 'load'})
RETURN l.committing = true AND datetime(l.leaseUntil) > datetime() AS committing
