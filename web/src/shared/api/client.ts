import {
  type BlastRadius,
  type ChainTimeline,
  type Comparison,
  checkNotifyFormat,
  type ExpandedGroup,
  type GroupedBlastRadius,
  type ImpactAnswer,
  type Neighbourhood,
  type NotifyPage,
  type OrganisationDetail,
  type Overview,
  type SearchAnswer,
  type VendorRank,
} from "../../../../domain/index.ts";
import { DATASET_HEADER, gather, loads } from "./loads.ts";

/** The API's answers (types from the domain); the browser only reads, and never sees credentials. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request web/public/early.js started before this code loaded. */
interface EarlyRequest {
  response: Promise<Response>;
  controller: AbortController;
}

/** The early requests by path; each is taken once, by the first GET of its path. */
const early: Record<string, EarlyRequest> =
  (globalThis as { __keiroEarly?: Record<string, EarlyRequest> }).__keiroEarly ?? {};

/** One GET; `signal` aborts it when the answer is no longer wanted (see useApi). */
function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const started = early[path];
  if (started) {
    delete early[path];
    signal?.addEventListener("abort", () => started.controller.abort(), { once: true });
    let first: Promise<Response> | undefined = started.response;
    return answer<T>(
      () => first ?? fetch(path, { signal }),
      signal,
      () => {
        first = undefined;
      },
    );
  }
  return answer<T>(() => fetch(path, { signal }), signal);
}

/** One POST of a JSON body (an earlier answer: the API only reads, whatever the method). */
function post<T>(path: string, json: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(
    () =>
      fetch(path, { method: "POST", body: json, headers: { "content-type": "application/json" }, signal }),
    signal,
  );
}

/** How many times an answer of a load already replaced is asked again, and how long apart. */
export const EARLIER_LOAD_ATTEMPTS = 6;
export const EARLIER_LOAD_WAIT_MS = 250;

/**
 * The answer of a request, checked against the loads already seen (loads.ts): an answer of a load
 * a later one has replaced (a replica behind a balancer that has not yet followed a reload) is
 * asked again, never shown beside answers of the later load; the load of every answer shown is
 * gathered under the request's signal, for useApi to check that one view's answers agree.
 */
async function answer<T>(send: () => Promise<Response>, signal?: AbortSignal, sent?: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    sent?.();
    const body = await response.json().catch(() => ({ message: response.statusText }));
    if (!response.ok)
      throw new ApiError(response.status, (body as { message?: string }).message ?? response.statusText);
    const load = response.headers.get(DATASET_HEADER);
    if (load === null) return body as T;
    if (loads.saw(load) !== "earlier") {
      gather(signal, load);
      return body as T;
    }
    if (attempt >= EARLIER_LOAD_ATTEMPTS)
      throw new ApiError(
        503,
        "The server answered from a load of the data it has since replaced; try again.",
      );
    await new Promise((resolve) => setTimeout(resolve, EARLIER_LOAD_WAIT_MS));
    if (signal?.aborted) throw new DOMException("aborted", "AbortError");
  }
}

/** How many affected organisations the explorer draws at most; totals always cover all. */
export const DRAW_LIMIT = 5000;

export const api = {
  overview: (limit = 2000, signal?: AbortSignal) => get<Overview>(`/api/graph?limit=${limit}`, signal),
  impact: (params: URLSearchParams, signal?: AbortSignal) =>
    get<BlastRadius>(`/api/impact?${params}&limit=${DRAW_LIMIT}`, signal),
  /** The same scenario grouped by tier, kind and region, for a radius too large to draw one by one. */
  groups: (params: URLSearchParams, members = 3, signal?: AbortSignal) =>
    get<GroupedBlastRadius>(`/api/impact/groups?${params}&members=${members}`, signal),
  /** One group of the same scenario with up to `members` of its largest organisations (expanded). */
  group: (
    params: URLSearchParams,
    group: { depth: number; kind: string | null; region: string | null },
    members: number,
    signal?: AbortSignal,
  ) =>
    get<ExpandedGroup>(
      `/api/impact/group?${params}&${new URLSearchParams({
        depth: String(group.depth),
        kind: group.kind ?? "",
        region: group.region ?? "",
        members: String(members),
      })}`,
      signal,
    ),
  compare: (params: URLSearchParams, signal?: AbortSignal) =>
    get<Comparison>(`/api/compare?${params}&limit=${DRAW_LIMIT}`, signal),
  /** Vendors by what their compromise alone would expose; `confirmedOnly`: on confirmed contracts alone. */
  rank: (top = 100, signal?: AbortSignal, confirmedOnly = false) =>
    get<VendorRank[]>(`/api/rank?top=${top}${confirmedOnly ? "&confirmed-only=true" : ""}`, signal),
  search: (q: string, signal?: AbortSignal) =>
    get<SearchAnswer>(`/api/organisations?q=${encodeURIComponent(q)}&limit=12`, signal),
  organisation: (id: string, signal?: AbortSignal) =>
    get<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`, signal),
  neighbourhood: (id: string, signal?: AbortSignal) =>
    get<Neighbourhood>(`/api/organisations/${encodeURIComponent(id)}/neighbourhood`, signal),
  /** A chain's contracts with their dates and the incidents on its way (the exposure timeline). */
  chain: (contracts: string[], signal?: AbortSignal) =>
    get<ChainTimeline>(`/api/chain?${new URLSearchParams(contracts.map((id) => ["contract", id]))}`, signal),
  /**
   * What changed since an earlier answer (its JSON, as the analyst kept it) for the same scenario:
   * the API works the changes out over the whole answer; its lists are not needed here (limit 1).
   */
  changesSince: (params: URLSearchParams, earlier: string, signal?: AbortSignal) =>
    post<ImpactAnswer>(`/api/impact?${params}&limit=1`, earlier, signal),
  /** Breach response, sorted by deadline: who must report, to whom, by when (a page of `limit`). */
  notify: async (params: URLSearchParams, limit: number, signal?: AbortSignal) =>
    checkNotifyFormat(await get<NotifyPage>(`/api/notify?${params}&sort=deadline&limit=${limit}`, signal)),
  /** The whole breach-response answer as a file. */
  notifyExportUrl: (params: URLSearchParams, format: "csv" | "json") =>
    `/api/notify/export?${params}&format=${format}`,
  /** One organisation's printable packet, and all of them as a zip. */
  packetUrl: (params: URLSearchParams, id: string, lang: string) =>
    `/api/notify/packet/${encodeURIComponent(id)}?${params}&lang=${lang}`,
  packetsUrl: (params: URLSearchParams, lang: string) => `/api/notify/packets?${params}&lang=${lang}`,
  /** A report of the whole answer, in the explorer's language. */
  reportUrl: (params: URLSearchParams, format: string, lang: string) =>
    `/api/report?${params}&format=${format}&lang=${lang}`,
};
