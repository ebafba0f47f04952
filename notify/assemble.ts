import neo4j, { type Driver } from "neo4j-driver";
import {
  type BlastRadius,
  type BreachRadius,
  type BreachResponse,
  type BreachRules,
  breachRadiusOf,
  breachResponse,
  type Cause,
  type DatasetStamp,
  type Incident,
  type Scenario,
} from "../domain/index.ts";
import type { ImpactEngine } from "../engine/engine.ts";
import { cypher } from "../neo4j/queries.ts";

/** What a packet shows of a contract beyond the blast radius's own fields. */
export interface ContractDetails {
  id: string;
  service: string | null;
  dataCategories: string[] | null;
  since: string | null;
  until: string | null;
  deleteBy: string | null;
  source: string | null;
}

export interface NotifyRequest {
  scenario: Scenario;
  aware?: string | null;
  cause?: Cause | null;
  rules: BreachRules;
  timeoutMs?: number;
}

/** The answer with what packets need besides: the whole blast radius and the incidents. */
export interface NotifyResult {
  response: BreachResponse;
  radius: BlastRadius;
  incidents: Incident[];
}

async function read<T>(driver: Driver, name: string, params: Record<string, unknown>, timeoutMs: number) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher(name), params), { timeout: timeoutMs });
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/** The arithmetic of domain/breachResponse.ts over a radius's facts, its incidents and the rules. */
async function respond(
  facts: BreachRadius,
  dataset: DatasetStamp,
  driver: Driver,
  request: NotifyRequest,
  timeoutMs: number,
): Promise<{ response: BreachResponse; incidents: Incident[] }> {
  const incidents = await read<Incident>(
    driver,
    "notify/incidents",
    { compromised: request.scenario.compromised },
    timeoutMs,
  );
  const response = breachResponse({
    radius: facts,
    // The load the blast radius was computed on (the engine stamps its answer).
    dataset,
    incidents,
    aware: request.aware,
    cause: request.cause,
    rules: request.rules,
  });
  return { response, incidents };
}

/**
 * Breach response for a scenario, the answer alone (GET /api/notify and its export): the engine's
 * facts of the whole blast radius (it refuses an unknown id first), never the radius itself.
 */
export async function computeObligations(
  engine: ImpactEngine,
  driver: Driver,
  request: NotifyRequest,
): Promise<{ response: BreachResponse; incidents: Incident[] }> {
  const timeoutMs = request.timeoutMs ?? 60_000;
  const { dataset, ...facts } = await engine.breachRadius(request.scenario, timeoutMs);
  return respond(facts, dataset, driver, request, timeoutMs);
}

/**
 * Breach response with what packets need besides: the whole blast radius (paths, chains and the
 * contracts with their sources), the incidents, and the answer from the same radius.
 */
export async function computeNotify(
  engine: ImpactEngine,
  driver: Driver,
  request: NotifyRequest,
): Promise<NotifyResult> {
  const timeoutMs = request.timeoutMs ?? 60_000;
  const radius = await engine.blastRadius(request.scenario, { timeoutMs });
  const { response, incidents } = await respond(
    breachRadiusOf(radius),
    radius.dataset,
    driver,
    request,
    timeoutMs,
  );
  return { response, radius, incidents };
}

/** Service, categories, dates and sources of the contracts packets name. */
export async function readContractDetails(
  driver: Driver,
  ids: string[],
  timeoutMs = 60_000,
): Promise<Map<string, ContractDetails>> {
  const rows = await read<ContractDetails>(driver, "notify/contract-details", { ids }, timeoutMs);
  return new Map(rows.map((r) => [r.id, r]));
}
