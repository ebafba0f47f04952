import { parsePartialDate } from "./dates.ts";
import { isValidId } from "./ids.ts";
import type { FieldParameter, RawValue } from "./parameters.ts";

/**
 * A what-if question as answers state it (their `scenario`): these organisations are compromised;
 * these contracts and organisations do not count; look no further than maxDepth contracts; judge
 * contracts as of a date; and, with enforceRetention, treat data past its deletion deadline as
 * deleted.
 */
export interface StatedScenario {
  compromised: string[];
  excludedContracts: string[];
  excludedOrganisations: string[];
  maxDepth: number | null;
  /** As given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); a period is judged at its last day. */
  asOf: string | null;
  enforceRetention: boolean;
  /**
   * Count confirmed contracts only: every `possible` contract is left out (docs/blast-radius.md).
   * An answer states it only when set, so that answers of every other scenario read as before.
   */
  confirmedOnly?: boolean;
}

/** A scenario as checked (parseScenario): as stated, with the day its as-of date is judged at. */
export interface Scenario extends StatedScenario {
  confirmedOnly: boolean;
  /** The last day of the period `asOf` names (`YYYY-MM-DD`), worked out once; null without asOf. */
  readonly asOfDay: string | null;
}

/**
 * The scenario's parameters, declared once: their names on the command line, in the API's query
 * and in the explorer's URL (`--vendor`, `?vendor=`), the field each fills, and their help. The
 * command lines, the API's schemas and the URL state are derived from this table.
 */
export const SCENARIO_PARAMETERS = [
  {
    name: "vendor",
    field: "compromised",
    kind: "ids",
    value: "ID",
    help: "a compromised organisation (repeat for several)",
  },
  {
    name: "exclude-contract",
    field: "excludedContracts",
    kind: "ids",
    value: "ID",
    help: "leave this contract out (repeat)",
  },
  {
    name: "exclude-org",
    field: "excludedOrganisations",
    kind: "ids",
    value: "ID",
    help: "leave this organisation and its contracts out (repeat)",
  },
  {
    name: "max-depth",
    field: "maxDepth",
    kind: "count",
    value: "N",
    help: "count organisations at most N contracts away",
  },
  {
    name: "as-of",
    field: "asOf",
    kind: "date",
    value: "DATE",
    help: "judge contracts at this date (YYYY-MM-DD, YYYY-MM or YYYY)",
  },
  {
    name: "enforce-retention",
    field: "enforceRetention",
    kind: "flag",
    help: "with --as-of: data past its delete_by counts as deleted",
  },
  {
    name: "confirmed-only",
    field: "confirmedOnly",
    kind: "flag",
    help: "count confirmed contracts only: every contract marked possible is left out",
  },
] as const satisfies readonly FieldParameter<keyof StatedScenario>[];

export type ScenarioParameter = (typeof SCENARIO_PARAMETERS)[number];

/** The raw answers a user gave, keyed by parameter name, before checking. */
export type ScenarioInput = { [P in ScenarioParameter as P["name"]]?: RawValue<P["kind"]> };

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
    confirmedOnly: input["confirmed-only"] === true,
    asOfDay: asOf === null ? null : (parsePartialDate(asOf)?.lastDay ?? null),
  };
}

/** A stated scenario (an answer's) checked again by the same rules, its as-of day worked out. */
export function checkScenario(scenario: StatedScenario): Scenario {
  return parseScenario({
    vendor: scenario.compromised,
    "exclude-contract": scenario.excludedContracts,
    "exclude-org": scenario.excludedOrganisations,
    "max-depth": scenario.maxDepth === null ? undefined : String(scenario.maxDepth),
    "as-of": scenario.asOf ?? undefined,
    "enforce-retention": scenario.enforceRetention,
    "confirmed-only": scenario.confirmedOnly === true,
  });
}

/** The scenario as an answer states it: without what was worked out from it. */
export function stated(scenario: Scenario): StatedScenario {
  const { asOfDay: _day, confirmedOnly, ...rest } = scenario;
  return confirmedOnly ? { ...rest, confirmedOnly } : rest;
}

/**
 * The day a scenario's date is judged at: the one worked out when it was checked, or, for a
 * scenario as an answer states it (read back from JSON), the last day of the period it names.
 */
export function asOfDay(scenario: StatedScenario | Scenario): string | null {
  if ("asOfDay" in scenario) return scenario.asOfDay;
  return scenario.asOf === null ? null : (parsePartialDate(scenario.asOf)?.lastDay ?? null);
}

/** The same scenario on confirmed contracts only: an answer's confirmed part. */
export function confirmedOnly(scenario: Scenario): Scenario {
  return { ...scenario, confirmedOnly: true };
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
    confirmedOnly: false,
    asOfDay: null,
  };
}
