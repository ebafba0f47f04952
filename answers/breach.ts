import {
  type BreachResponse,
  type BreachRules,
  breachResponse,
  type Cause,
  type Scenario,
} from "../domain/index.ts";
import type { ImpactEngine } from "../engine/engine.ts";
import type { Lang } from "../locale/index.ts";
import { PacketBook } from "../report/packets/book.ts";
import { NATIONAL_HOLIDAYS } from "./holidays.ts";

/** What a breach-response question asks (docs/breach-response.md). */
export interface BreachRequest {
  scenario: Scenario;
  /** `--aware` / `?aware=`, when given. */
  aware?: string | null;
  /** `--cause` / `?cause=`, when given. */
  cause?: Cause | null;
  rules: BreachRules;
  timeoutMs?: number;
}

/**
 * The breach-response answer alone (`npm run notify`'s JSON and CSV, GET /api/notify and its
 * export): the engine's facts of the whole blast radius and the incidents, read from one load and
 * stamped with it (never the radius itself), through the arithmetic of domain/breachResponse.ts.
 */
export async function breachAnswer(engine: ImpactEngine, request: BreachRequest): Promise<BreachResponse> {
  const { dataset, radius, incidents, learned } = await engine.breachFacts(
    request.scenario,
    request.timeoutMs,
  );
  return breachResponse({ radius, dataset, incidents, learned, ...choices(request) });
}

/**
 * The answer with its packets: the whole blast radius with the incidents and the details of its
 * contracts, all from one load; the answer worked out from that same radius.
 */
export async function breachPackets(
  engine: ImpactEngine,
  request: BreachRequest,
  options: { rulesFile: string; today: string; lang: Lang },
): Promise<PacketBook> {
  const { radius, facts, incidents, learned, contracts } = await engine.packetFacts(
    request.scenario,
    request.timeoutMs,
  );
  const response = breachResponse({
    radius: facts,
    dataset: radius.dataset,
    incidents,
    learned,
    ...choices(request),
  });
  return new PacketBook(
    { response, radius, breach: facts, incidents, contracts },
    { rules: request.rules, ...options },
  );
}

const choices = ({ aware, cause, rules }: BreachRequest) => ({
  aware,
  cause,
  rules,
  holidays: NATIONAL_HOLIDAYS,
});
