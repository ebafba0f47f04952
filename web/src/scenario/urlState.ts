/** Everything the explorer shows is decided by the URL: shareable, and back/forward work. */
export type Lang = "ja" | "en";
export type View = "graph" | "rank";

export interface ExploreState {
  vendors: string[];
  excludeContracts: string[];
  excludeOrgs: string[];
  maxDepth: string;
  asOf: string;
  retention: boolean;
  /** The organisation whose panel is open and whose chain is drawn. */
  focus: string | null;
  /** A contract whose panel is open. */
  contract: string | null;
  lang: Lang;
  view: View;
}

export const EMPTY_STATE: ExploreState = {
  vendors: [],
  excludeContracts: [],
  excludeOrgs: [],
  maxDepth: "",
  asOf: "",
  retention: false,
  focus: null,
  contract: null,
  lang: "ja",
  view: "graph",
};

export function parseState(search: string): ExploreState {
  const params = new URLSearchParams(search);
  return {
    vendors: params.getAll("vendor"),
    excludeContracts: params.getAll("exclude-contract"),
    excludeOrgs: params.getAll("exclude-org"),
    maxDepth: params.get("max-depth") ?? "",
    asOf: params.get("as-of") ?? "",
    retention: params.get("enforce-retention") === "true",
    focus: params.get("focus"),
    contract: params.get("contract"),
    lang: params.get("lang") === "en" ? "en" : "ja",
    view: params.get("view") === "rank" ? "rank" : "graph",
  };
}

/** The scenario part as API query parameters (the API takes the command line's names). */
export function scenarioParams(state: ExploreState): URLSearchParams {
  const params = new URLSearchParams();
  for (const v of state.vendors) params.append("vendor", v);
  for (const c of state.excludeContracts) params.append("exclude-contract", c);
  for (const o of state.excludeOrgs) params.append("exclude-org", o);
  if (state.maxDepth) params.set("max-depth", state.maxDepth);
  if (state.asOf) params.set("as-of", state.asOf);
  if (state.retention) params.set("enforce-retention", "true");
  return params;
}

export function serializeState(state: ExploreState): string {
  const params = scenarioParams(state);
  if (state.focus) params.set("focus", state.focus);
  if (state.contract) params.set("contract", state.contract);
  if (state.lang !== "ja") params.set("lang", state.lang);
  if (state.view !== "graph") params.set("view", state.view);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether the scenario changes anything beyond plain compromise (then a comparison is shown). */
export function isWhatIf(state: ExploreState): boolean {
  return (
    state.excludeContracts.length > 0 ||
    state.excludeOrgs.length > 0 ||
    state.maxDepth !== "" ||
    state.asOf !== "" ||
    state.retention
  );
}
