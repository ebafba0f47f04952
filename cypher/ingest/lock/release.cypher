MATCH (l:LoadLock {id: 'load'}) WHERE l.owner = $owner
DELETE l
