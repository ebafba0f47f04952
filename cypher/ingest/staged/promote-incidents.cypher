MATCH (i:StagedIncident)
REMOVE i:StagedIncident
SET i:Incident
