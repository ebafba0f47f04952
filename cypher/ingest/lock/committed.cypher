// The load's commit has returned: the whole of it is visible.
MATCH (l:LoadLock {id: 'load'}) WHERE l.owner = $owner
REMOVE l.committing
