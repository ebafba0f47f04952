import { parseScenario, type Scenario, ScenarioError } from "../domain/index.ts";

/** Query-string values as fastify hands them over: one string, or an array when repeated. */
export type Query = Record<string, string | string[] | undefined>;

/** Every parameter a request may carry is known; anything else is refused, by name. */
export function checkKnown(query: Query, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name))
      throw new ScenarioError(name, `${name}: unknown parameter (known: ${known.join(", ")})`);
  }
}

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new ScenarioError(name, `${name}: give it once, not ${value.length} times`);
  return value;
}

export function flag(query: Query, name: string): boolean {
  const value = single(query, name);
  if (value === undefined || value === "" || value === "true" || value === "1") return value !== undefined;
  if (value === "false" || value === "0") return false;
  throw new ScenarioError(name, `${name}: "${value}" is not true or false`);
}

export function wholeNumber(query: Query, name: string, fallback: number, max: number): number {
  const value = single(query, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new ScenarioError(name, `${name}: "${value}" is not a whole number from 1 to ${max}`);
  return n;
}

export const SCENARIO_PARAMETERS = [
  "vendor",
  "exclude-contract",
  "exclude-org",
  "max-depth",
  "as-of",
  "enforce-retention",
] as const;

/** A scenario from the same parameter names as the command line and the web app's URL. */
export function scenarioFromQuery(query: Query): Scenario {
  return parseScenario({
    vendor: list(query.vendor),
    excludeContract: list(query["exclude-contract"]),
    excludeOrg: list(query["exclude-org"]),
    maxDepth: single(query, "max-depth"),
    asOf: single(query, "as-of"),
    enforceRetention: flag(query, "enforce-retention"),
  });
}
