import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ID_MAX_LENGTH,
  ID_PATTERN,
  namesOf,
  type Parameter,
  ParameterError,
  parseChoice,
  parseScenario,
  type RawValue,
  SCENARIO_PARAMETERS,
  type Scenario,
  type ScenarioInput,
} from "../domain/index.ts";

/**
 * The API's query parameters: declared as tables of the domain's Parameter (the scenario's own
 * table, and each route's), from which come the JSON schemas Fastify checks every request against
 * (and the OpenAPI document publishes), the list of known names, and the values the handler reads.
 */

/**
 * The longest route parameter (`/api/organisations/:id`) the router passes on. Fastify's default
 * of 100 answered 404 for valid ids of 101–128 characters; four times an id's length lets an
 * over-long one reach its handler and be refused by name (400).
 */
export const MAX_PARAM_LENGTH = 4 * ID_MAX_LENGTH;

/** Query-string values as fastify hands them over: one string, or an array when repeated. */
export type Query = Record<string, string | string[] | undefined>;

/** Every parameter a request may carry is known; anything else is refused, by name. */
function checkKnown(query: Query, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name))
      throw new ParameterError(name, `${name}: unknown parameter (known: ${known.join(", ")})`);
  }
}

/** A repeatable parameter's values: undefined when absent. */
export function list(value: string | string[] | undefined): string[] | undefined {
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

/** A choice among `choices`, `fallback` when absent. */
export function choice<T extends string>(query: Query, name: string, choices: readonly T[], fallback: T): T {
  return parseChoice(name, single(query, name) ?? fallback, choices);
}

/** A scenario from the same parameter names as the command line and the web app's URL. */
export function scenarioFromQuery(query: Query): Scenario {
  const input: Record<string, RawValue | undefined> = {};
  for (const p of SCENARIO_PARAMETERS) {
    input[p.name] =
      p.kind === "ids"
        ? list(query[p.name])
        : p.kind === "flag"
          ? flag(query, p.name)
          : single(query, p.name);
  }
  return parseScenario(input as ScenarioInput);
}

/** A parameter of one route (limit, format, …), declared as the scenario's are. */
export const parameter = (p: Parameter): Parameter => p;

const DATE = "^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$";
const DAY = "^(\\d{4}-\\d{2}-\\d{2})?$";

/** A parameter's JSON schema: the shape Fastify checks before a handler reads the value. */
function schemaOf(p: Parameter): Record<string, unknown> {
  const description = p.help;
  switch (p.kind) {
    case "ids":
      return {
        type: "array",
        items: { type: "string", pattern: ID_PATTERN.source },
        description: `${description} (repeatable)`,
      };
    case "count":
      return { type: "string", pattern: "^[0-9]*$", description };
    case "date":
      return { type: "string", pattern: DATE, description };
    case "day":
      return { type: "string", pattern: DAY, description };
    case "flag":
      return { type: "string", enum: ["", "true", "false", "1", "0"], description };
    case "choice":
      return { type: "string", enum: [...(p.choices ?? [])], description };
    case "text":
      return { type: "string", description };
  }
}

/** The query-string schema of a route: its parameters, and nothing else. */
function querySchema(parameters: readonly Parameter[]): Record<string, unknown> {
  return {
    type: "object",
    properties: Object.fromEntries(parameters.map((p) => [p.name, schemaOf(p)])),
    additionalProperties: false,
  };
}

/** What a GET route declares: its summary, its query parameters, and how its query is read. */
export interface RouteSpec<T> {
  summary: string;
  tags: string[];
  query: readonly Parameter[];
  /** Path parameters (`:id`), if any. */
  path?: readonly Parameter[];
  /** Reads and checks the query (and path), throwing ParameterError that names what is wrong. */
  parse: (query: Query, request: FastifyRequest) => T;
}

/** The route's parse, kept in its config so that a request Fastify refused is explained by it. */
export interface RouteConfig {
  parse?: (query: Query, request: FastifyRequest) => unknown;
}

/**
 * A route with its query schema (checked by Fastify, published in /api/openapi.json), its known
 * parameters checked by name, and its handler given the query as parsed.
 */
export function route<T>(
  app: FastifyInstance,
  method: "GET" | "POST",
  url: string,
  spec: RouteSpec<T>,
  handler: (parsed: T, request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  const known = namesOf(spec.query);
  const parse = (query: Query, request: FastifyRequest) => {
    checkKnown(query, known);
    return spec.parse(query, request);
  };
  const schema: Record<string, unknown> = {
    summary: spec.summary,
    tags: spec.tags,
    querystring: querySchema(spec.query),
  };
  if (spec.path)
    schema.params = {
      type: "object",
      properties: Object.fromEntries(
        spec.path.map((p) => [p.name, { type: "string", maxLength: MAX_PARAM_LENGTH, description: p.help }]),
      ),
      required: namesOf(spec.path),
    };
  const config: RouteConfig = { parse };
  app.route({
    method,
    url,
    schema,
    config,
    handler: (request, reply) => handler(parse(request.query as Query, request), request, reply),
  });
}

/** The scenario's parameters, as routes list them beside their own. */
export { SCENARIO_PARAMETERS };
