import type { BlastRadius } from "../../../domain/blastRadius.ts";
import type { Comparison } from "../../../impact/compare.ts";
import type { VendorRank } from "../../../impact/rank.ts";

/** The API's answers; the browser only reads, and never sees database credentials. */
export interface OverviewNode {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  region: string | null;
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
}

export interface Overview {
  nodes: OverviewNode[];
  contracts: OverviewContract[];
  total: { organisations: number; contracts: number };
  /** Contracts among the organisations shown; `contracts` lists the biggest of them. */
  contractsAmong: number;
  truncated: boolean;
}

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

export interface SearchResult {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  region: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok)
    throw new ApiError(response.status, (body as { message?: string }).message ?? response.statusText);
  return body as T;
}

/** How many affected organisations the explorer draws at most; totals always cover all. */
export const DRAW_LIMIT = 5000;

export const api = {
  overview: (limit = 2000) => get<Overview>(`/api/graph?limit=${limit}`),
  impact: (params: URLSearchParams) => get<BlastRadius>(`/api/impact?${params}&limit=${DRAW_LIMIT}`),
  compare: (params: URLSearchParams) => get<Comparison>(`/api/compare?${params}&limit=${DRAW_LIMIT}`),
  rank: (top = 100) => get<VendorRank[]>(`/api/rank?top=${top}`),
  search: (q: string) =>
    get<{ results: SearchResult[] }>(`/api/organisations?q=${encodeURIComponent(q)}&limit=12`),
  organisation: (id: string) => get<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`),
  neighbourhood: (id: string) =>
    get<Neighbourhood>(`/api/organisations/${encodeURIComponent(id)}/neighbourhood`),
  reportUrl: (params: URLSearchParams, format: string) => `/api/report?${params}&format=${format}`,
};
