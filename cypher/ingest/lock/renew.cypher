// The running load's heartbeat: its lease goes on while it works.
MATCH (l:LoadLock {id: 'load'}) WHERE l.owner = $owner
SET l.leaseUntil = $leaseUntil
RETURN count(l) AS renewed
