import type {
  BlastRadius,
  Comparison,
  Neighbourhood,
  OrganisationDetail,
  Overview,
  SearchAnswer,
  VendorRank,
} from "../../../domain/index.ts";

/** The API's answers (types from the domain); the browser only reads, and never sees credentials. */
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
  search: (q: string) => get<SearchAnswer>(`/api/organisations?q=${encodeURIComponent(q)}&limit=12`),
  organisation: (id: string) => get<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`),
  neighbourhood: (id: string) =>
    get<Neighbourhood>(`/api/organisations/${encodeURIComponent(id)}/neighbourhood`),
  reportUrl: (params: URLSearchParams, format: string) => `/api/report?${params}&format=${format}`,
};
