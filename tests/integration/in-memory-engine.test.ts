import { threadId } from "node:worker_threads";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BlastRadius, parseScenario, plainCompromise } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { type CopyBuilt, InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { graph, graphDataset } from "../helpers/graphs.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/** Contracts and categories in a fixed order: the two engines may list them differently. */
function canonical(result: BlastRadius) {
  return {
    ...result,
    affected: result.affected.map((a) => ({ ...a, dataCategories: [...a.dataCategories].sort() })),
    contracts: [...result.contracts].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe("the API's in-memory copy of the graph", () => {
  it("answers from the copy it holds, stamped with that load, until the new load's copy is built", async () => {
    await load(driver, SAMPLE_DIR);
    const built: CopyBuilt[] = [];
    const store = new InMemoryEngine(driver, { timeoutMs: 30_000, onBuilt: (event) => built.push(event) });
    await store.warm();
    expect(built.map(({ organisations, contracts }) => [organisations, contracts])).toEqual([[47, 41]]);
    const sampleStamp = built[0]?.dataset;
    expect(sampleStamp?.name).toBe("isetoh-2024");

    const isetoh = plainCompromise(["isetoh"]);
    const sample = await store.blastRadius(isetoh);
    expect(sample.dataset).toEqual(sampleStamp);
    expect(sample.totals).toMatchObject({
      organisations: 34,
      records: 1_537_836,
      undisclosedContracts: 18,
    });
    expect(sample.affected.find((a) => a.id === "seishin-shinkin")).toMatchObject({
      depth: 2,
      records: 2702,
      path: ["seishin-shinkin", "tokai-shinkin-business", "isetoh"],
    });
    expect(store.answered).toEqual({ fromMemory: 1, fromEarlierLoad: 0, fromCypher: 0 });

    // The same id in another graph: one client with 100 records. Until its copy is built, the
    // sample's copy answers, whole and saying so; an id only the new graph holds goes to Cypher.
    // Asked together, the first finds the new load before its copy can be built. The second, for
    // an id the held copy lacks, reads which load is live again; by then the tiny new copy may be
    // built (it answers) or not (Cypher does): either is right, and both are stamped with the new load.
    await load(driver, graphDataset(graph("c1: city -> isetoh 100")));
    const [earlier, city] = await Promise.all([
      store.blastRadius(isetoh),
      store.blastRadius(plainCompromise(["city"])),
    ]);
    expect(earlier).toEqual(sample);
    expect(city.dataset).not.toEqual(sampleStamp);
    expect(city.totals.organisations).toBe(0);
    const cityFromCypher = store.answered.fromCypher;
    expect(store.answered).toEqual(
      cityFromCypher === 1
        ? { fromMemory: 1, fromEarlierLoad: 1, fromCypher: 1 }
        : { fromMemory: 2, fromEarlierLoad: 1, fromCypher: 0 },
    );

    await store.warm();
    expect(built.map(({ organisations, contracts }) => [organisations, contracts])).toEqual([
      [47, 41],
      [2, 1],
    ]);
    const next = await store.blastRadius(isetoh);
    expect(next.dataset).toEqual(city.dataset);
    expect(next.totals).toMatchObject({ organisations: 1, contracts: 1, records: 100 });
    expect(store.answered).toEqual({
      fromMemory: 3 - cityFromCypher,
      fromEarlierLoad: 1,
      fromCypher: cityFromCypher,
    });
  });

  it("holds what was reported: built in a worker, it answers the sample exactly as the Cypher engine", async () => {
    await load(driver, SAMPLE_DIR);
    const built: CopyBuilt[] = [];
    const store = new InMemoryEngine(driver, {
      timeoutMs: 30_000,
      worker: databaseConfig(),
      onBuilt: (event) => built.push(event),
    });
    await store.warm();
    expect(built.map((b) => [b.organisations, b.contracts])).toEqual([[47, 41]]);
    expect(built[0]?.threadId).not.toBe(threadId);
    const cypherEngine = new CypherEngine(driver);
    const scenarios = [
      plainCompromise(["isetoh"]),
      plainCompromise(["kantsu", "betsudai-kosan"]),
      parseScenario({ vendor: ["isetoh"], "as-of": "2024-05-26", "enforce-retention": true }),
      parseScenario({ vendor: ["isetoh"], "exclude-contract": ["c-seishin-tsb"], "max-depth": "1" }),
    ];
    let reported = 0;
    for (const scenario of scenarios) {
      const fromCopy = await store.blastRadius(scenario);
      const fromCypher = await cypherEngine.blastRadius(scenario);
      expect(canonical(fromCopy)).toEqual(canonical(fromCypher));
      expect(fromCopy.dataset).toEqual(fromCypher.dataset);
      reported += fromCopy.affected.reduce((sum, a) => sum + a.reported.length, 0);
      reported += fromCopy.unmodelled.length;
    }
    expect(store.answered).toEqual({ fromMemory: 4, fromEarlierLoad: 0, fromCypher: 0 });
    // Isetoh's 38 exposures in each of the three Isetoh scenarios; Kantsu's 3 and Betsudai's 2.
    expect(reported).toBe(3 * 38 + 3 + 2);
    expect((await store.stampedRank(2)).answer).toEqual((await cypherEngine.stampedRank(2)).answer);
  });

  it("reads which load is live at most every so often, but never refuses an id on an old reading", async () => {
    await load(driver, SAMPLE_DIR);
    const store = new InMemoryEngine(driver, { timeoutMs: 30_000, checkEveryMs: 600_000 });
    await store.warm();
    const isetoh = plainCompromise(["isetoh"]);
    const sample = await store.blastRadius(isetoh);
    await load(driver, graphDataset(graph("c1: city -> isetoh 100")));
    // Within the interval the sample's copy still counts as live: answered from it, stamped so.
    expect(await store.blastRadius(isetoh)).toEqual(sample);
    // An id it does not hold sends the engine to read the live load again: the new graph answers.
    const city = await store.blastRadius(plainCompromise(["city"]));
    expect(city.dataset).not.toEqual(sample.dataset);
    expect(city.totals.organisations).toBe(0);
    expect(store.answered).toEqual({ fromMemory: 2, fromEarlierLoad: 0, fromCypher: 1 });
    // An id no load holds is refused, as ever.
    await expect(store.blastRadius(plainCompromise(["nowhere"]))).rejects.toThrow(
      'vendor: no organisation "nowhere"',
    );
  });
});
