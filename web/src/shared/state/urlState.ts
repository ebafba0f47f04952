import { BREACH_PARAMETERS, type FieldParameter, SCENARIO_PARAMETERS } from "../../../../domain/index.ts";
import type { Lang } from "../i18n/strings.ts";

/**
 * What the explorer shows is decided by the URL: shareable, and back/forward work — the scenario,
 * the view, the language, the focused organisation or contract, an expanded group (a group's
 * panel alone, a passing look, lives in component state). The fields speak the domain's words
 * (`Scenario`); the URL keeps the command line's parameter names (the domain's scenario table
 * gives both), so that links already shared keep working.
 */
export type View = "graph" | "rank" | "response" | "data";

export interface ExploreState {
  compromised: string[];
  excludedContracts: string[];
  excludedOrganisations: string[];
  maxDepth: string;
  asOf: string;
  enforceRetention: boolean;
  /** Count confirmed contracts only (the scenario's `confirmed-only`). */
  confirmedOnly: boolean;
  /** The organisation whose panel is open and whose chain is drawn. */
  focus: string | null;
  /** A contract whose panel is open. */
  contract: string | null;
  /** A group of a radius drawn grouped whose largest organisations are drawn one by one. */
  expand: string | null;
  lang: Lang;
  view: View;
  /**
   * Breach response: the day the compromise became known, its cause, and the day days left count
   * from ("" = the answer's own); the Data view judges dates as of that same day.
   */
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
  confirmedOnly: false,
  focus: null,
  contract: null,
  expand: null,
  lang: "ja",
  view: "graph",
  aware: "",
  cause: "",
  today: "",
};

const VIEWS: View[] = ["graph", "rank", "response", "data"];

type ScenarioFields = Pick<ExploreState, (typeof SCENARIO_PARAMETERS)[number]["field"]>;
type BreachFields = Pick<ExploreState, (typeof BREACH_PARAMETERS)[number]["field"]>;

/**
 * A table's fields from the URL, parameter by parameter of the domain's table: ids as a list, a
 * flag as on or off, any other as text ("" when absent).
 */
function fieldsOf(
  params: URLSearchParams,
  table: readonly FieldParameter<string>[],
): Record<string, string[] | string | boolean> {
  const fields: Record<string, string[] | string | boolean> = {};
  for (const p of table)
    fields[p.field] =
      p.kind === "ids"
        ? params.getAll(p.name)
        : p.kind === "flag"
          ? params.get(p.name) === "true"
          : (params.get(p.name) ?? "");
  return fields;
}

export function parseState(search: string): ExploreState {
  const params = new URLSearchParams(search);
  return {
    ...(fieldsOf(params, SCENARIO_PARAMETERS) as ScenarioFields),
    focus: params.get("focus"),
    contract: params.get("contract"),
    expand: params.get("expand"),
    lang: params.get("lang") === "en" ? "en" : "ja",
    view: VIEWS.find((v) => v === params.get("view")) ?? "graph",
    ...(fieldsOf(params, BREACH_PARAMETERS) as BreachFields),
  };
}

/** The scenario part as API query parameters (the API takes the command line's names). */
export function scenarioParams(state: ExploreState): URLSearchParams {
  const params = new URLSearchParams();
  for (const p of SCENARIO_PARAMETERS) {
    const value = state[p.field];
    if (Array.isArray(value)) for (const v of value) params.append(p.name, v);
    else if (value === true) params.set(p.name, "true");
    else if (typeof value === "string" && value !== "") params.set(p.name, value);
  }
  return params;
}

/** The breach-response choices (aware, cause, today) that are set, by the domain's table. */
function breachParams(state: ExploreState, params: URLSearchParams): URLSearchParams {
  for (const p of BREACH_PARAMETERS) if (state[p.field]) params.set(p.name, state[p.field]);
  return params;
}

export function serializeState(state: ExploreState): string {
  const params = scenarioParams(state);
  if (state.focus) params.set("focus", state.focus);
  if (state.contract) params.set("contract", state.contract);
  if (state.expand) params.set("expand", state.expand);
  if (state.lang !== "ja") params.set("lang", state.lang);
  if (state.view !== "graph") params.set("view", state.view);
  const text = breachParams(state, params).toString();
  return text ? `?${text}` : "";
}

/** Whether the scenario changes anything beyond plain compromise (then a comparison is shown). */
export function isWhatIf(state: ExploreState): boolean {
  return SCENARIO_PARAMETERS.some((p) => {
    if (p.field === "compromised") return false;
    const value = state[p.field];
    return Array.isArray(value) ? value.length > 0 : value !== "" && value !== false;
  });
}

/** The breach-response request: the scenario plus aware, cause and today when chosen. */
export function notifyParams(state: ExploreState): URLSearchParams {
  return breachParams(state, scenarioParams(state));
}
