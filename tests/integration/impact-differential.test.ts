import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asOfDay,
  type BlastRadius,
  type ContractFacts,
  carriesData,
  isActive,
  isPossible,
  ParameterError,
  parseScenario,
  type ScenarioInput,
} from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { seededRandom } from "../../tools/generate/random.ts";
import {
  contractGraph,
  referenceBlastRadius,
  referenceConfirmed,
  referenceEstimate,
} from "../../tools/reference/blastRadius.ts";
import { referenceRanking } from "../../tools/reference/ranking.ts";
import { load, testDriver } from "../helpers/database.ts";
import { graphDataset, type HandGraph } from "../helpers/graphs.ts";

/**
 * The Cypher engine against a plain TypeScript reference of DOMAIN.md on 300 random graphs
 * (loaded together as disjoint components; every other one with scoped sub-contracts), two
 * scenarios each: identical affected sets, depths, figures, paths, chains and totals, and every
 * chain a real chain of active contracts, each carrying the one before.
 */
const GRAPHS = 300;
const random = seededRandom(20241122);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: T[]): T => items[int(items.length)] as T;
const KINDS = ["company", "bank", "municipality"];
const DATES = ["2022", "2023-06", "2024-03", "2024-05-26", "2024-12-31", "2025"];

function randomGraphs(): { graph: HandGraph; components: string[][] } {
  const raw: HandGraph["raw"] = [];
  const components: string[][] = [];
  for (let g = 0; g < GRAPHS; g++) {
    const orgs = Array.from({ length: 3 + int(10) }, (_, i) => `g${g}-o${i}`);
    components.push(orgs);
    const contracts = int(orgs.length * 3);
    const mine: HandGraph["raw"] = [];
    for (let c = 0; c < contracts; c++) {
      mine.push({
        id: `g${g}-c${c}`,
        consignor: pick(orgs),
        contractor: pick(orgs),
        records: random() < 0.1 ? "" : String(int(4) === 0 ? 0 : int(100000)),
        subjects: random() < 0.3 ? "" : String(int(50000)),
        since: random() < 0.3 ? pick(DATES) : "",
        deleteBy: random() < 0.3 ? pick(DATES) : "",
        confidence: random() < 0.2 ? "possible" : "",
      });
    }
    // Every other graph scopes some sub-contracts to one to three of the contracts into their consignor.
    for (const contract of g % 2 === 1 ? mine : []) {
      const into = mine.filter((k) => k.contractor === contract.consignor);
      if (into.length === 0 || random() < 0.5) continue;
      const listed = new Set(Array.from({ length: 1 + int(3) }, () => pick(into).id));
      contract.carries = [...listed].join(";");
    }
    raw.push(...mine);
  }
  const organisations = components.flat();
  // Three kinds of consignor, so that the estimate draws from pools of its own kind and pooled.
  const kinds = Object.fromEntries(organisations.map((id, i) => [id, KINDS[i % KINDS.length] as string]));
  const parse = (c: HandGraph["raw"][0]): ContractFacts => ({
    id: c.id,
    consignor: c.consignor,
    contractor: c.contractor,
    records: c.records === "" ? null : Number(c.records),
    subjects: c.subjects === "" ? null : Number(c.subjects),
    // Partial dates as the loader stores them: since by its first day, delete_by by its last.
    sinceStart: c.since === "" ? null : firstDay(c.since),
    deleteByEnd: c.deleteBy === "" ? null : lastDay(c.deleteBy),
    carries: c.carries ? c.carries.split(";") : null,
    confidence: c.confidence === "possible" ? "possible" : null,
  });
  return { graph: { organisations, raw, contracts: raw.map(parse), kinds }, components };
}

function firstDay(text: string): string {
  return text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
}

function lastDay(text: string): string {
  return asOfDay(parseScenario({ vendor: ["x"], "as-of": text })) as string;
}

function randomScenario(orgs: string[], contracts: ContractFacts[]): ScenarioInput {
  const mine = contracts.filter((c) => orgs.includes(c.consignor));
  const input: ScenarioInput = { vendor: [pick(orgs)] };
  if (random() < 0.3) input.vendor?.push(pick(orgs));
  if (random() < 0.3 && mine.length > 0) input["exclude-contract"] = [pick(mine).id];
  if (random() < 0.2) input["exclude-org"] = [pick(orgs)];
  if (random() < 0.3) input["max-depth"] = String(1 + int(3));
  if (random() < 0.4) {
    input["as-of"] = pick(DATES);
    input["enforce-retention"] = random() < 0.6;
  }
  if (random() < 0.2) input["confirmed-only"] = true;
  return input;
}

let driver: Driver;
let cypherEngine: CypherEngine;
let world: ReturnType<typeof randomGraphs>;
beforeAll(async () => {
  driver = testDriver();
  cypherEngine = new CypherEngine(driver);
  world = randomGraphs();
  await load(driver, graphDataset(world.graph));
});
afterAll(async () => {
  await driver.close();
});

describe("the Cypher engine agrees with the TypeScript reference", () => {
  it(`on ${GRAPHS} random graphs, two scenarios each`, async () => {
    const reference = contractGraph(world.graph.organisations, world.graph.contracts);
    const byId = new Map(world.graph.contracts.map((c) => [c.id, c]));
    let compared = 0;
    let nonEmpty = 0;
    let scopedChains = 0;
    let onlyPossible = 0;
    let estimates = 0;
    let ranged = 0;
    let lessConfirmed = 0;
    for (const orgs of world.components) {
      for (let s = 0; s < 2; s++) {
        const scenario = parseScenario(randomScenario(orgs, world.graph.contracts));
        const engine = await cypherEngine.blastRadius(scenario);
        const expected = referenceBlastRadius(reference, scenario);
        const confirmed = referenceConfirmed(reference, scenario);
        const kindOf = (id: string) => world.graph.kinds?.[id] ?? null;
        const got = engine.affected.map(({ id, depth, records, subjects, undisclosed, path, chain }) => ({
          id,
          depth,
          records,
          subjects,
          undisclosed,
          path,
          chain,
        }));
        expect({
          scenario,
          affected: got,
          totals: engine.totals,
          confirmed: engine.confirmed,
          confirmedFlags: engine.affected.map((a) => [a.id, a.confirmed]),
        }).toEqual({
          scenario,
          affected: expected.affected,
          totals: { ...expected.totals, estimate: referenceEstimate(reference, scenario, expected, kindOf) },
          confirmed: confirmed.totals,
          confirmedFlags: expected.affected.map((a) => [a.id, confirmed.affected.has(a.id)]),
        });
        // The estimate's properties on every random answer: the bound ≤ p10 ≤ p50 ≤ p90, and no
        // range at all when nothing is undisclosed.
        const estimate = engine.totals.estimate;
        if (estimate) {
          estimates += 1;
          for (const which of ["records", "subjects"] as const) {
            const { p10, p50, p90 } = estimate[which];
            expect(engine.totals[which] <= p10 && p10 <= p50 && p50 <= p90).toBe(true);
            const undisclosed =
              which === "records"
                ? engine.totals.undisclosedContracts
                : engine.totals.undisclosedSubjectContracts;
            if (undisclosed === 0)
              expect([p10, p50, p90]).toEqual([
                engine.totals[which],
                engine.totals[which],
                engine.totals[which],
              ]);
          }
          if (estimate.draws > 0 && estimate.records.p90 > engine.totals.records) ranged += 1;
        }
        if (engine.affected.some((a) => !a.confirmed)) onlyPossible += 1;
        if (confirmed.totals.records < expected.totals.records) lessConfirmed += 1;
        // Each chain: depth contracts long, each an active contract from path[i] to path[i + 1]
        // carrying the one before, ending in a compromised organisation.
        const asOf = asOfDay(scenario);
        for (const org of engine.affected) {
          expect(org.path.length).toBe(org.depth + 1);
          expect(org.chain.length).toBe(org.depth);
          expect(scenario.compromised).toContain(org.path.at(-1));
          org.chain.forEach((id, i) => {
            const contract = byId.get(id) as ContractFacts;
            expect([contract.consignor, contract.contractor]).toEqual([org.path[i], org.path[i + 1]]);
            expect(isActive(contract, scenario, asOf)).toBe(true);
            if (i > 0)
              expect(carriesData(contract, byId.get(org.chain[i - 1] as string) as ContractFacts)).toBe(true);
          });
          if (org.chain.some((id) => byId.get(id)?.carries)) scopedChains += 1;
        }
        compared += 1;
        if (engine.affected.length > 0) nonEmpty += 1;
      }
    }
    expect(compared).toBe(GRAPHS * 2);
    // The random graphs must actually exercise the engine.
    expect(nonEmpty).toBeGreaterThan(GRAPHS);
    // …and chains through scoped sub-contracts.
    expect(scopedChains).toBeGreaterThan(50);
    // …and confirmed parts smaller than the whole, with organisations affected only through possible contracts.
    expect(onlyPossible).toBeGreaterThan(30);
    expect(lessConfirmed).toBeGreaterThan(30);
    // …and estimates, many of them a range above the bound.
    expect(estimates).toBeGreaterThan(GRAPHS);
    expect(ranged).toBeGreaterThan(50);
  }, 300_000);
});

/** Contracts and categories in a fixed order: the two engines may list them differently. */
function canonical(result: BlastRadius) {
  return {
    ...result,
    affected: result.affected.map((a) => ({ ...a, dataCategories: [...a.dataCategories].sort() })),
    contracts: [...result.contracts].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe("the API's in-memory copy of the graph gives the Cypher engine's answers", () => {
  it(`on the same ${GRAPHS} graphs: every field, paths, contracts, limits and errors`, async () => {
    const built: number[] = [];
    // Built as the API builds it: in a worker thread, its arrays transferred to this one.
    const store = new InMemoryEngine(driver, {
      timeoutMs: 30_000,
      worker: databaseConfig(),
      onBuilt: ({ organisations, contracts }) => built.push(organisations, contracts),
    });
    await store.warm();
    expect(built).toEqual([world.graph.organisations.length, world.graph.contracts.length]);
    let compared = 0;
    for (const orgs of world.components) {
      for (let s = 0; s < 2; s++) {
        const scenario = parseScenario(randomScenario(orgs, world.graph.contracts));
        const limit = s === 0 ? undefined : 1 + int(4);
        expect(canonical(await store.blastRadius(scenario, { limit }))).toEqual(
          canonical(await cypherEngine.blastRadius(scenario, { limit })),
        );
        compared += 1;
      }
    }
    expect(store.answered).toEqual({ fromMemory: compared, fromEarlierLoad: 0, fromCypher: 0 });
    // The vendor ranking from the copy is the reference's, one blast radius per vendor.
    const ranks = await store.rank();
    expect(ranks.length).toBeGreaterThan(GRAPHS);
    const names = world.graph.organisations.map((id) => ({
      id,
      name: id.toUpperCase(),
      nameEn: null,
      kind: world.graph.kinds?.[id] ?? null,
    }));
    expect(ranks).toEqual(referenceRanking(names, world.graph.contracts));
    expect(await cypherEngine.rank()).toEqual(ranks);
    expect(await store.rank(5)).toEqual(ranks.slice(0, 5));
    // On confirmed contracts alone: the reference ranking of the graph without the possible ones.
    const confirmedRanks = await store.rank(undefined, true);
    expect(confirmedRanks).toEqual(
      referenceRanking(
        names,
        world.graph.contracts.filter((c) => !isPossible(c)),
      ),
    );
    expect(await cypherEngine.rank(undefined, true)).toEqual(confirmedRanks);
    expect(confirmedRanks.length).toBeLessThan(ranks.length);
    for (const bad of [{ vendor: ["nobody"] }, { vendor: ["g0-o0"], "exclude-contract": ["no-such"] }]) {
      const scenario = parseScenario(bad);
      const fromCypher = await cypherEngine.blastRadius(scenario).catch((error: Error) => error);
      expect(fromCypher).toBeInstanceOf(ParameterError);
      await expect(store.blastRadius(scenario)).rejects.toThrow(fromCypher as Error);
    }
  }, 300_000);
});
