import type { Lang } from "../i18n/strings.ts";

/**
 * Everything the explorer shows is decided by the URL: shareable, and back/forward work. The
 * fields speak the domain's words (`Scenario`); the URL keeps the command line's parameter names,
 * so that links already shared keep working.
 */
export type View = "graph" | "rank" | "response";

export interface ExploreState {
  compromised: string[];
  excludedContracts: string[];
  excludedOrganisations: string[];
  maxDepth: string;
  asOf: string;
  enforceRetention: boolean;
  /** The organisation whose panel is open and whose chain is drawn. */
  focus: string | null;
  /** A contract whose panel is open. */
  contract: string | null;
  /** A group of a radius drawn grouped whose largest organisations are drawn one by one. */
  expand: string | null;
  lang: Lang;
  view: View;
  /** Breach response: the day the compromise became known, its cause, and the day days left count from ("" = the answer's own). */
  aware: string;
  cause: string;
  today: string;
}

export const EMPTY_STATE: ExploreState = {
  compromised: [],
  excludedContracts: [],
  excludedOrganisations: [],
  maxDepth: "",
  asOf: "",
  enforceRetention: false,
  focus: null,
  contract: null,
  expand: null,
  lang: "ja",
  view: "graph",
  aware: "",
  cause: "",
  today: "",
};

const VIEWS: View[] = ["graph", "rank", "response"];

export function parseState(search: string): ExploreState {
  const params = new URLSearchParams(search);
  return {
    compromised: params.getAll("vendor"),
    excludedContracts: params.getAll("exclude-contract"),
    excludedOrganisations: params.getAll("exclude-org"),
    maxDepth: params.get("max-depth") ?? "",
    asOf: params.get("as-of") ?? "",
    enforceRetention: params.get("enforce-retention") === "true",
    focus: params.get("focus"),
    contract: params.get("contract"),
    expand: params.get("expand"),
    lang: params.get("lang") === "en" ? "en" : "ja",
    view: VIEWS.find((v) => v === params.get("view")) ?? "graph",
    aware: params.get("aware") ?? "",
    cause: params.get("cause") ?? "",
    today: params.get("today") ?? "",
  };
}

/** The scenario part as API query parameters (the API takes the command line's names). */
export function scenarioParams(state: ExploreState): URLSearchParams {
  const params = new URLSearchParams();
  for (const v of state.compromised) params.append("vendor", v);
  for (const c of state.excludedContracts) params.append("exclude-contract", c);
  for (const o of state.excludedOrganisations) params.append("exclude-org", o);
  if (state.maxDepth) params.set("max-depth", state.maxDepth);
  if (state.asOf) params.set("as-of", state.asOf);
  if (state.enforceRetention) params.set("enforce-retention", "true");
  return params;
}

export function serializeState(state: ExploreState): string {
  const params = scenarioParams(state);
  if (state.focus) params.set("focus", state.focus);
  if (state.contract) params.set("contract", state.contract);
  if (state.expand) params.set("expand", state.expand);
  if (state.lang !== "ja") params.set("lang", state.lang);
  if (state.view !== "graph") params.set("view", state.view);
  for (const key of ["aware", "cause", "today"] as const) if (state[key]) params.set(key, state[key]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether the scenario changes anything beyond plain compromise (then a comparison is shown). */
export function isWhatIf(state: ExploreState): boolean {
  return (
    state.excludedContracts.length > 0 ||
    state.excludedOrganisations.length > 0 ||
    state.maxDepth !== "" ||
    state.asOf !== "" ||
    state.enforceRetention
  );
}

/** The breach-response request: the scenario plus aware, cause and today when chosen. */
export function notifyParams(state: ExploreState): URLSearchParams {
  const params = scenarioParams(state);
  for (const key of ["aware", "cause", "today"] as const) if (state[key]) params.set(key, state[key]);
  return params;
}
