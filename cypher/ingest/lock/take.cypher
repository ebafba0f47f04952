// One load at a time: the lock is taken when it is free, already ours, its lease has run out, or
// its owner is known to be dead ($deadOwner: a load killed on this machine). The uniqueness
// constraint on LoadLock.id makes two loads that MERGE at once see one node.
MERGE (l:LoadLock {id: 'load'})
ON CREATE SET l.owner = $owner, l.host = $host, l.pid = $pid, l.since = $now, l.leaseUntil = $leaseUntil
WITH l
CALL (l) {
  WITH l WHERE l.owner = $owner OR l.leaseUntil < $now OR l.owner = $deadOwner
  SET l.owner = $owner, l.host = $host, l.pid = $pid, l.since = $now, l.leaseUntil = $leaseUntil
}
RETURN l.owner = $owner AS mine, l.owner AS owner, l.host AS host, l.pid AS pid, l.since AS since
