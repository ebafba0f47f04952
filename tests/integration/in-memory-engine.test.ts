import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainCompromise } from "../../domain/index.ts";
import { type CopyBuilt, InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { graph, graphDataset } from "../helpers/graphs.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

describe("the API's in-memory copy of the graph", () => {
  it("never answers from an old graph: after a new load, Cypher answers until the copy is rebuilt", async () => {
    await load(driver, SAMPLE_DIR);
    const built: CopyBuilt[] = [];
    const store = new InMemoryEngine(driver, { timeoutMs: 30_000, onBuilt: (event) => built.push(event) });
    await store.warm();
    expect(built.map(({ organisations, contracts }) => [organisations, contracts])).toEqual([[47, 41]]);

    const isetoh = plainCompromise(["isetoh"]);
    const sample = await store.blastRadius(isetoh);
    expect(sample.totals).toMatchObject({ organisations: 34, records: 1_537_836, undisclosedContracts: 18 });
    expect(sample.affected.find((a) => a.id === "seishin-shinkin")).toMatchObject({
      depth: 2,
      records: 2702,
      path: ["seishin-shinkin", "tokai-shinkin-business", "isetoh"],
    });
    expect(store.answered).toEqual({ fromMemory: 1, fromCypher: 0 });

    // The same id in another graph: one client with 100 records.
    await load(driver, graphDataset(graph("c1: city -> isetoh 100")));
    const next = await store.blastRadius(isetoh);
    expect(next.totals).toMatchObject({ organisations: 1, contracts: 1, records: 100 });
    expect(store.answered).toEqual({ fromMemory: 1, fromCypher: 1 });

    await store.warm();
    expect(built.map(({ organisations, contracts }) => [organisations, contracts])).toEqual([
      [47, 41],
      [2, 1],
    ]);
    expect((await store.blastRadius(isetoh)).totals).toEqual(next.totals);
    expect(store.answered).toEqual({ fromMemory: 2, fromCypher: 1 });
  });
});
