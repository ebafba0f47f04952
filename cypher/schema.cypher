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
// The search (api/search.cypher) reads lower-cased copies of the id and names through TEXT
// indexes, which serve both STARTS WITH and CONTAINS (a full-text analyzer would split Japanese
// names into other words than a substring search finds). The names' own indexes served the
// earlier search over toLower(name), which no index can answer.
DROP INDEX organisation_name IF EXISTS;
DROP INDEX organisation_name_en IF EXISTS;
CREATE TEXT INDEX organisation_search_id IF NOT EXISTS FOR (o:Organisation) ON (o.searchId);
CREATE TEXT INDEX organisation_search_name IF NOT EXISTS FOR (o:Organisation) ON (o.searchName);
CREATE TEXT INDEX organisation_search_name_en IF NOT EXISTS FOR (o:Organisation) ON (o.searchNameEn);
// The overview's order: organisations by their stored contract count (api/overview-nodes.cypher).
CREATE INDEX organisation_degree IF NOT EXISTS FOR (o:Organisation) ON (o.degree);
