import type { OrganisationSummary } from "./organisation.ts";

/**
 * The explorer's answers beside the blast radius: the overview graph, an organisation's page,
 * its neighbourhood and the search. The API sends them; the web app reads them.
 */
export interface OverviewNode extends OrganisationSummary {
  degree: number;
  records: number;
  undisclosed: number;
}

export interface OverviewContract {
  id: string;
  consignor: string;
  contractor: string;
  records: number | null;
  service: string | null;
  /** Whose data it passes on: these contracts into its consignor; null or absent: all of it. */
  carries?: string[] | null;
}

export interface Overview {
  nodes: OverviewNode[];
  contracts: OverviewContract[];
  total: { organisations: number; contracts: number };
  /** Contracts among the organisations shown; `contracts` lists the biggest of them. */
  contractsAmong: number;
  truncated: boolean;
}

/** A contract as an organisation's page lists it, seen from that organisation. */
export interface ContractRow {
  id: string;
  counterpart: string;
  counterpartName: string;
  counterpartKind: string | null;
  service?: string | null;
  records?: number | null;
  subjects?: number | null;
  since?: string | null;
  until?: string | null;
  deleteBy?: string | null;
  carries?: string[] | null;
  source?: string | null;
}

export interface OrganisationDetail {
  organisation: {
    id: string;
    name: string;
    nameEn?: string;
    kind?: string;
    sector?: string;
    region?: string;
    source?: string;
  };
  outgoing: ContractRow[];
  incoming: ContractRow[];
  incidents: { id: string; kind?: string; discovered?: string; actor?: string; source?: string }[];
  exposures: {
    incident: string;
    records?: number;
    subjects?: number;
    status?: string;
    reportedOn?: string;
    source?: string;
  }[];
  outgoingTotal: number;
  incomingTotal: number;
}

export interface Neighbourhood {
  centre: OverviewNode;
  neighbours: OverviewNode[];
  contracts: (OverviewContract & { subjects: number | null })[];
  contractsTotal: number;
  truncated: boolean;
}

export type SearchResult = OrganisationSummary;

export interface SearchAnswer {
  query: string;
  results: SearchResult[];
}

/** A contract of a chain as its exposure timeline draws it (dates as the dataset gives them). */
export interface ChainContract {
  id: string;
  consignor: string;
  contractor: string;
  service?: string | null;
  records?: number | null;
  since?: string | null;
  until?: string | null;
  deleteBy?: string | null;
  source?: string | null;
}

/** An incident that hit an organisation of the chain (`victim`). */
export interface ChainIncident {
  id: string;
  victim: string;
  kind?: string | null;
  discovered?: string | null;
  disclosed?: string | null;
  actor?: string | null;
  source?: string | null;
}

/** The answer of /api/chain: the chain's contracts in its order and the incidents on its way. */
export interface ChainTimeline {
  contracts: ChainContract[];
  incidents: ChainIncident[];
}
