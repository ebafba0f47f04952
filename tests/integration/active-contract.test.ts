import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asOfDay,
  type ContractFacts,
  isActive,
  parseScenario,
  type ScenarioInput,
} from "../../domain/index.ts";
import { scenarioParams } from "../../engine/cypherEngine.ts";
import { cypher, withFragments } from "../../neo4j/queries.ts";
import { seededRandom } from "../../tools/generate/random.ts";
import { load, query, testDriver } from "../helpers/database.ts";
import { graphDataset, type HandGraph } from "../helpers/graphs.ts";

/**
 * The active-contract rule is written twice, once for each language: `isActive` in
 * domain/contract.ts and cypher/fragments/active-contract.cypher. Here both judge every contract
 * of a random graph, as Neo4j stores it, under random scenarios, and must agree on each.
 */
const random = seededRandom(20261128);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: T[]): T => items[int(items.length)] as T;
const DATES = ["2022", "2023-06", "2024-03", "2024-05-26", "2024-05-31", "2024-12-31", "2025"];
const ORGANISATIONS = Array.from({ length: 30 }, (_, i) => `o${i}`);
const JUDGE = withFragments(
  "MATCH (:Organisation)-[r:OUTSOURCES_TO]->(:Organisation) RETURN r.id AS id, {{active-contract}} AS active",
);

function randomGraph(): HandGraph {
  const raw: HandGraph["raw"] = Array.from({ length: 400 }, (_, c) => ({
    id: `c${c}`,
    consignor: pick(ORGANISATIONS),
    contractor: pick(ORGANISATIONS),
    records: String(int(1000)),
    subjects: "",
    since: random() < 0.5 ? pick(DATES) : "",
    deleteBy: random() < 0.5 ? pick(DATES) : "",
    confidence: random() < 0.3 ? "possible" : "",
  }));
  return { organisations: ORGANISATIONS, raw, contracts: [] };
}

function randomScenario(): ScenarioInput {
  const input: ScenarioInput = { vendor: [pick(ORGANISATIONS)] };
  if (random() < 0.5) input["exclude-contract"] = Array.from({ length: 1 + int(5) }, () => `c${int(400)}`);
  if (random() < 0.5) input["exclude-org"] = Array.from({ length: 1 + int(3) }, () => pick(ORGANISATIONS));
  if (random() < 0.7) {
    input["as-of"] = pick(DATES);
    input["enforce-retention"] = random() < 0.6;
  }
  if (random() < 0.4) input["confirmed-only"] = true;
  return input;
}

let driver: Driver;
let contracts: ContractFacts[];
beforeAll(async () => {
  driver = testDriver();
  await load(driver, graphDataset(randomGraph()));
  // The contracts exactly as stored (partial dates as their first or last day), as the engines read them.
  contracts = await query<ContractFacts>(driver, cypher("blast-radius/all-contracts"));
});
afterAll(async () => {
  await driver.close();
});

describe("the active-contract rule", () => {
  it("is the same in Cypher and in TypeScript on 400 random contracts under 150 random scenarios", async () => {
    let active = 0;
    let inactive = 0;
    for (let s = 0; s < 150; s++) {
      const scenario = parseScenario(randomScenario());
      const judged = await query<{ id: string; active: boolean }>(driver, JUDGE, scenarioParams(scenario));
      const inCypher = Object.fromEntries(judged.map((row) => [row.id, row.active]));
      const asOf = asOfDay(scenario);
      const inTypeScript = Object.fromEntries(contracts.map((c) => [c.id, isActive(c, scenario, asOf)]));
      expect({ scenario, active: inCypher }).toEqual({ scenario, active: inTypeScript });
      const activeNow = Object.values(inTypeScript).filter(Boolean).length;
      active += activeNow;
      inactive += contracts.length - activeNow;
    }
    expect(contracts).toHaveLength(400);
    // Both answers must occur often, or the comparison proves little.
    expect(active).toBeGreaterThan(150 * 100);
    expect(inactive).toBeGreaterThan(150 * 50);
    expect(contracts.filter((c) => c.confidence === "possible").length).toBeGreaterThan(80);
  });

  it("is stated in one fragment, which every blast-radius query that judges contracts includes", () => {
    for (const name of ["contracts-into", "contracts-listed", "estimate-peers"]) {
      expect(cypher(`blast-radius/${name}`)).toContain(withFragments("{{active-contract}}"));
    }
  });
});
