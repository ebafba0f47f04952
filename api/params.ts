import { ID_MAX_LENGTH, ParameterError, parseScenario, type Scenario } from "../domain/index.ts";

export { SCENARIO_PARAMETERS } from "../domain/index.ts";

/**
 * The longest route parameter (`/api/organisations/:id`) the router passes on. Fastify's default
 * of 100 answered 404 for valid ids of 101–128 characters; four times an id's length lets an
 * over-long one reach its handler and be refused by name (400).
 */
export const MAX_PARAM_LENGTH = 4 * ID_MAX_LENGTH;

/** Query-string values as fastify hands them over: one string, or an array when repeated. */
export type Query = Record<string, string | string[] | undefined>;

/** Every parameter a request may carry is known; anything else is refused, by name. */
export function checkKnown(query: Query, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name))
      throw new ParameterError(name, `${name}: unknown parameter (known: ${known.join(", ")})`);
  }
}

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value))
    throw new ParameterError(name, `${name}: give it once, not ${value.length} times`);
  return value;
}

export function flag(query: Query, name: string): boolean {
  const value = single(query, name);
  if (value === undefined || value === "" || value === "true" || value === "1") return value !== undefined;
  if (value === "false" || value === "0") return false;
  throw new ParameterError(name, `${name}: "${value}" is not true or false`);
}

export function wholeNumber(query: Query, name: string, fallback: number, max: number): number {
  const value = single(query, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new ParameterError(name, `${name}: "${value}" is not a whole number from 1 to ${max}`);
  return n;
}

/** A scenario from the same parameter names as the command line and the web app's URL. */
export function scenarioFromQuery(query: Query): Scenario {
  return parseScenario({
    vendor: list(query.vendor),
    "exclude-contract": list(query["exclude-contract"]),
    "exclude-org": list(query["exclude-org"]),
    "max-depth": single(query, "max-depth"),
    "as-of": single(query, "as-of"),
    "enforce-retention": flag(query, "enforce-retention"),
  });
}
