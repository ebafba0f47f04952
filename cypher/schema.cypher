// Keiro's schema: uniqueness constraints on every id MERGE matches on, and the indexes the
// queries need. Applied idempotently by every command that writes (db/lifecycle.ts).
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (i:Incident) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT load_lock_id IF NOT EXISTS FOR (l:LoadLock) REQUIRE l.id IS UNIQUE;
// Contract ids are unique in the live graph (the loader checks), but a staged load holds a second
// copy of them until the swap: an index, not a uniqueness constraint.
DROP CONSTRAINT contract_id IF EXISTS;
CREATE INDEX contract_id_lookup IF NOT EXISTS FOR ()-[c:OUTSOURCES_TO]-() ON (c.id);
CREATE CONSTRAINT staged_organisation_id IF NOT EXISTS FOR (o:StagedOrganisation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT staged_incident_id IF NOT EXISTS FOR (i:StagedIncident) REQUIRE i.id IS UNIQUE;
CREATE INDEX exposure_key IF NOT EXISTS FOR ()-[e:EXPOSED]-() ON (e.key);
CREATE INDEX organisation_kind IF NOT EXISTS FOR (o:Organisation) ON (o.kind);
CREATE TEXT INDEX organisation_name IF NOT EXISTS FOR (o:Organisation) ON (o.name);
CREATE TEXT INDEX organisation_name_en IF NOT EXISTS FOR (o:Organisation) ON (o.nameEn);
