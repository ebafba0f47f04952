import type { BlastRadiusTotals } from "./blastRadius.ts";
import type { DatasetStamp } from "./dataset.ts";
import type { OrganisationSummary } from "./organisation.ts";
import { checkScenario, ParameterError, type Scenario } from "./scenario.ts";

/**
 * The version of an impact answer's JSON shape (`"format"` in every answer). Bump it when a field
 * that a later Keiro reads an earlier answer by — scenario, affected ids and their depth, records,
 * subjects and undisclosed, totals, dataset, truncated — is renamed, removed or changes meaning,
 * and teach readEarlierAnswer the older shape. Adding a field needs no bump.
 */
export const ANSWER_FORMAT = 1;

/** An affected organisation as an earlier answer lists it: what changes are worked out from. */
export interface EarlierAffected extends OrganisationSummary {
  depth: number;
  records: number;
  subjects: number;
  undisclosed: number;
}

/** What `--since` reads of an earlier answer (a plain answer, or a comparison's what-if). */
export interface EarlierAnswer {
  format: number;
  dataset: DatasetStamp;
  scenario: Scenario;
  affected: EarlierAffected[];
  totals: BlastRadiusTotals;
  truncated?: { shown: number; total: number };
}

type Json = Record<string, unknown>;

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "string" ? "text" : `a ${typeof value}`;
}
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads an earlier answer handed back by an analyst (a file, or a request's body), refusing with
 * a message that names `source` and the problem: not an impact answer, a format this Keiro does
 * not read, or a field of the wrong kind. Whether it is comparable (same scenario, whole lists)
 * is changesSince's to say.
 */
export function readEarlierAnswer(value: unknown, source: string): EarlierAnswer {
  const refuse = (problem: string): never => {
    throw new ParameterError("since", `since: ${source} ${problem}`);
  };
  const notAnswer =
    "is not a Keiro impact answer (a JSON object with format, dataset, scenario, affected and totals)";
  if (!isObject(value)) return refuse(`${notAnswer}: it is ${describe(value)}`);
  // A what-if answer holds the scenario's answer in whatIf, with format and dataset at the top.
  const body = isObject(value.whatIf) ? value.whatIf : value;
  if (!("scenario" in body && "affected" in body && "totals" in body)) return refuse(notAnswer);
  const format = value.format;
  if (format === undefined)
    return refuse(
      `has no format version: it was made by a Keiro older than answer format ${ANSWER_FORMAT}; compute it again with this one`,
    );
  if (typeof format !== "number" || !Number.isInteger(format) || format < 1)
    return refuse(`has format ${JSON.stringify(format)}, which is not an answer format version`);
  if (format > ANSWER_FORMAT)
    return refuse(
      `is in answer format ${format}, newer than this Keiro reads (${ANSWER_FORMAT}): compare it with the Keiro that made it, or a newer one`,
    );

  const field = (where: string, problem: string): never => refuse(`has ${where} ${problem}`);
  const count = (object: Json, key: string, where: string): number => {
    const n = object[key];
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
      return field(`${where}.${key}`, "that is not a whole number ≥ 0");
    return n;
  };
  const text = (object: Json, key: string, where: string): string | null => {
    const t = object[key];
    if (t === undefined || t === null) return null;
    if (typeof t !== "string") return field(`${where}.${key}`, "that is not text");
    return t;
  };

  const dataset = value.dataset;
  if (!isObject(dataset)) return field("dataset", "that is not an object {name, fingerprint, loadedAt}");
  const stamp: DatasetStamp = {
    name: text(dataset, "name", "dataset"),
    fingerprint: text(dataset, "fingerprint", "dataset"),
    loadedAt: text(dataset, "loadedAt", "dataset"),
  };

  const scenario = readScenario(body.scenario, (problem) => field("scenario", problem));

  if (!Array.isArray(body.affected)) return field("affected", "that is not a list");
  const seen = new Set<string>();
  const affected = body.affected.map((entry: unknown, i): EarlierAffected => {
    const where = `affected[${i}]`;
    if (!isObject(entry)) return field(where, "that is not an object");
    const id = text(entry, "id", where);
    if (id === null) return field(`${where}.id`, "missing");
    if (seen.has(id)) return field("affected", `that lists ${id} twice`);
    seen.add(id);
    return {
      id,
      name: text(entry, "name", where) ?? id,
      nameEn: text(entry, "nameEn", where),
      kind: text(entry, "kind", where),
      region: text(entry, "region", where),
      depth: count(entry, "depth", where),
      records: count(entry, "records", where),
      subjects: count(entry, "subjects", where),
      undisclosed: count(entry, "undisclosed", where),
    };
  });

  const totals = body.totals;
  if (!isObject(totals)) return field("totals", "that is not an object");
  const truncated = body.truncated;
  if (truncated !== undefined && !isObject(truncated)) return field("truncated", "that is not an object");
  return {
    format,
    dataset: stamp,
    scenario,
    affected,
    totals: {
      organisations: count(totals, "organisations", "totals"),
      contracts: count(totals, "contracts", "totals"),
      records: count(totals, "records", "totals"),
      subjects: count(totals, "subjects", "totals"),
      undisclosedContracts: count(totals, "undisclosedContracts", "totals"),
      undisclosedSubjectContracts: count(totals, "undisclosedSubjectContracts", "totals"),
    },
    ...(truncated
      ? {
          truncated: {
            shown: count(truncated, "shown", "truncated"),
            total: count(truncated, "total", "truncated"),
          },
        }
      : {}),
  };
}

/** The scenario an earlier answer states, checked by the same rules as a scenario given now. */
function readScenario(value: unknown, refuse: (problem: string) => never): Scenario {
  if (!isObject(value)) return refuse("that is not an object");
  const ids = (key: string): string[] => {
    const list = value[key];
    if (!Array.isArray(list) || list.some((id) => typeof id !== "string"))
      return refuse(`whose ${key} is not a list of ids`);
    return list as string[];
  };
  // Answers written before confidence was read have no confirmedOnly: they counted every contract.
  const { maxDepth, asOf, enforceRetention, confirmedOnly = false } = value;
  if (maxDepth !== null && typeof maxDepth !== "number")
    return refuse("whose maxDepth is not a number or null");
  if (asOf !== null && typeof asOf !== "string") return refuse("whose asOf is not a date or null");
  if (typeof enforceRetention !== "boolean") return refuse("whose enforceRetention is not true or false");
  if (typeof confirmedOnly !== "boolean") return refuse("whose confirmedOnly is not true or false");
  try {
    return checkScenario({
      compromised: ids("compromised"),
      excludedContracts: ids("excludedContracts"),
      excludedOrganisations: ids("excludedOrganisations"),
      maxDepth: maxDepth as number | null,
      asOf: asOf as string | null,
      enforceRetention,
      confirmedOnly,
    });
  } catch (error) {
    if (error instanceof ParameterError) return refuse(`that is not valid (${error.message})`);
    throw error;
  }
}
