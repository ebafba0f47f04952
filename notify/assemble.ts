import neo4j, { type Driver } from "neo4j-driver";
import {
  type BlastRadius,
  type BreachResponse,
  type BreachRules,
  breachResponse,
  type Cause,
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

/**
 * Breach response for a scenario: the whole blast radius from the engine (which refuses an
 * unknown id first), the incidents that hit the compromised organisations, and the pure
 * arithmetic of domain/breachResponse.ts over them with the rule set.
 */
export async function computeNotify(
  engine: ImpactEngine,
  driver: Driver,
  request: NotifyRequest,
): Promise<NotifyResult> {
  const timeoutMs = request.timeoutMs ?? 60_000;
  const radius = await engine.blastRadius(request.scenario, { timeoutMs });
  const incidents = await read<Incident>(
    driver,
    "notify/incidents",
    { compromised: request.scenario.compromised },
    timeoutMs,
  );
  const response = breachResponse({
    radius,
    // The load the blast radius was computed on (the engine stamps its answer).
    dataset: radius.dataset,
    incidents,
    aware: request.aware,
    cause: request.cause,
    rules: request.rules,
  });
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
