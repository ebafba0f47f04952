/** The graph's vocabulary: every label, relationship type and property the queries may use. */
export const NODE_LABELS = ["Organisation", "Incident", "Dataset"] as const;
/** Labels only the loader writes: a staged load, the graph it replaced until deleted, its lock. */
export const LOADER_LABELS = ["StagedOrganisation", "StagedIncident", "Retired", "LoadLock"] as const;
export const RELATIONSHIP_TYPES = ["OUTSOURCES_TO", "HIT", "EXPOSED"] as const;
