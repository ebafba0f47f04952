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

/** The raw answers a user gave, by parameter name, before checking. */
export interface ScenarioInput {
  vendor?: string[];
  excludeContract?: string[];
  excludeOrg?: string[];
  maxDepth?: string;
  asOf?: string;
  enforceRetention?: boolean;
}

/** A scenario parameter that cannot be used; `parameter` names it as the user wrote it. */
export class ScenarioError extends Error {
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
    if (!isValidId(value)) throw new ScenarioError(parameter, `${parameter}: "${value}" is not a valid id`);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** Checks the shape of a scenario; whether its ids exist is the database's to say. */
export function parseScenario(input: ScenarioInput): Scenario {
  const compromised = ids("vendor", input.vendor);
  if (compromised.length === 0)
    throw new ScenarioError("vendor", "vendor: name at least one compromised organisation");
  let maxDepth: number | null = null;
  if (input.maxDepth !== undefined && input.maxDepth !== "") {
    maxDepth = Number(input.maxDepth);
    if (!Number.isInteger(maxDepth) || maxDepth < 1) {
      throw new ScenarioError("max-depth", `max-depth: "${input.maxDepth}" is not a whole number ≥ 1`);
    }
  }
  let asOf: string | null = null;
  if (input.asOf !== undefined && input.asOf !== "") {
    if (!parsePartialDate(input.asOf)) {
      throw new ScenarioError("as-of", `as-of: "${input.asOf}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    }
    asOf = input.asOf;
  }
  const enforceRetention = input.enforceRetention === true;
  if (enforceRetention && asOf === null) {
    throw new ScenarioError(
      "enforce-retention",
      "enforce-retention needs as-of: deletion deadlines are judged at a date",
    );
  }
  return {
    compromised,
    excludedContracts: ids("exclude-contract", input.excludeContract),
    excludedOrganisations: ids("exclude-org", input.excludeOrg),
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
