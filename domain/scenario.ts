import { parsePartialDate } from "./dates.ts";
import { isValidId } from "./ids.ts";

/**
 * A what-if question: these organisations are compromised; these contracts and organisations
 * do not count; look no further than maxDepth contracts; judge contracts as of a date; and, with
 * enforceRetention, treat data past its deletion deadline as deleted.
 */
export interface Scenario {
  compromised: string[];
  excludedContracts: string[];
  excludedOrganisations: string[];
  maxDepth: number | null;
  /** As given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); a period is judged at its last day. */
  asOf: string | null;
  enforceRetention: boolean;
}

/**
 * The scenario's parameters as the command line, the API and the web app's URL all name them
 * (`--vendor`, `?vendor=`, …).
 */
export const SCENARIO_PARAMETERS = [
  "vendor",
  "exclude-contract",
  "exclude-org",
  "max-depth",
  "as-of",
  "enforce-retention",
] as const;

/** The raw answers a user gave, keyed by parameter name, before checking. */
export interface ScenarioInput {
  vendor?: string[];
  "exclude-contract"?: string[];
  "exclude-org"?: string[];
  "max-depth"?: string;
  "as-of"?: string;
  "enforce-retention"?: boolean;
}

/**
 * A command-line option or request parameter that cannot be used (exit 1 / HTTP 400);
 * `parameter` names it as the user wrote it.
 */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function ids(parameter: string, values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    if (!isValidId(value)) throw new ParameterError(parameter, `${parameter}: "${value}" is not a valid id`);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** Checks the shape of a scenario; whether its ids exist is the database's to say. */
export function parseScenario(input: ScenarioInput): Scenario {
  const compromised = ids("vendor", input.vendor);
  const maxDepthText = input["max-depth"];
  const asOfText = input["as-of"];
  if (compromised.length === 0)
    throw new ParameterError("vendor", "vendor: name at least one compromised organisation");
  let maxDepth: number | null = null;
  if (maxDepthText !== undefined && maxDepthText !== "") {
    maxDepth = Number(maxDepthText);
    if (!Number.isInteger(maxDepth) || maxDepth < 1) {
      throw new ParameterError("max-depth", `max-depth: "${maxDepthText}" is not a whole number ≥ 1`);
    }
  }
  let asOf: string | null = null;
  if (asOfText !== undefined && asOfText !== "") {
    if (!parsePartialDate(asOfText)) {
      throw new ParameterError("as-of", `as-of: "${asOfText}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    }
    asOf = asOfText;
  }
  const enforceRetention = input["enforce-retention"] === true;
  if (enforceRetention && asOf === null) {
    throw new ParameterError(
      "enforce-retention",
      "enforce-retention needs as-of: deletion deadlines are judged at a date",
    );
  }
  return {
    compromised,
    excludedContracts: ids("exclude-contract", input["exclude-contract"]),
    excludedOrganisations: ids("exclude-org", input["exclude-org"]),
    maxDepth,
    asOf,
    enforceRetention,
  };
}

/** The plain compromise of the same organisations: what a what-if is compared with. */
export function plainCompromise(compromised: string[]): Scenario {
  return {
    compromised,
    excludedContracts: [],
    excludedOrganisations: [],
    maxDepth: null,
    asOf: null,
    enforceRetention: false,
  };
}

/** The day a scenario's date is judged at: the last day of the period it names. */
export function asOfDay(scenario: Scenario): string | null {
  return scenario.asOf === null ? null : (parsePartialDate(scenario.asOf)?.lastDay ?? null);
}
