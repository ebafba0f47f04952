import { isDeepStrictEqual } from "node:util";
import { threadId } from "node:worker_threads";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import {
  type BlastRadius,
  type DatasetStamp,
  impactAnswer,
  parseScenario,
  plainCompromise,
  type Scenario,
} from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { type CopyBuilt, InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { sameLoad } from "../../engine/oneLoad.ts";
import { load, query, testDriver } from "../helpers/database.ts";
import { graph, graphDataset } from "../helpers/graphs.ts";
import { asJson, askWhileReloading, generatedDataset, warmEngine } from "../helpers/reload.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

const generated = (organisations: number, contracts: number, seed: number) =>
  generatedDataset({ organisations, contracts, seed });

const LIMIT = 50;
const SCENARIOS: { scenario: Scenario; url: string }[] = [
  { scenario: plainCompromise(["org-0"]), url: "/api/impact?vendor=org-0" },
  { scenario: plainCompromise(["org-3"]), url: "/api/impact?vendor=org-3" },
  {
    scenario: parseScenario({ vendor: ["org-1", "org-7"], "max-depth": "2" }),
    url: "/api/impact?vendor=org-1&vendor=org-7&max-depth=2",
  },
];

describe("answers while a load replaces the graph", () => {
  it("are each exactly the old dataset's or the new one's, stamped so, and never an error", async () => {
    const [dirA, dirB] = await Promise.all([generated(2000, 8000, 11), generated(2000, 8000, 12)]);
    await load(driver, dirA);
    const failures: unknown[] = [];
    const { engine, builds } = await warmEngine(driver, (error) => failures.push(error));
    const cypherEngine = new CypherEngine(driver);
    const app = buildServer({ driver, databaseUri: "bolt://test", engine });
    const options = { limit: LIMIT };
    const answersNow = () =>
      Promise.all(
        SCENARIOS.map(async ({ scenario }) => ({
          memory: await engine.blastRadius(scenario, options),
          cypher: await cypherEngine.blastRadius(scenario, options),
        })),
      );
    const before = await answersNow();
    const stampA = before[0]?.memory.dataset as DatasetStamp;

    // The real command line replaces A with B while three kinds of client keep asking.
    const seen: { kind: "memory" | "cypher"; i: number; answer: BlastRadius }[] = [];
    const api: { i: number; status: number; body: unknown }[] = [];
    const { loaded, errors } = await askWhileReloading({
      dir: dirB,
      builds,
      asks: SCENARIOS.length,
      ask: (i) => {
        const { scenario, url } = SCENARIOS[i] as (typeof SCENARIOS)[number];
        return [
          engine.blastRadius(scenario, options),
          cypherEngine.blastRadius(scenario, options),
          app.inject({ url: `${url}&limit=${LIMIT}` }),
        ];
      },
      keep: ([memory, cypher, http], i) => {
        if (memory.status === "fulfilled") seen.push({ kind: "memory", i, answer: memory.value });
        if (cypher.status === "fulfilled") seen.push({ kind: "cypher", i, answer: cypher.value });
        if (http.status === "fulfilled")
          api.push({ i, status: http.value.statusCode, body: http.value.json() });
      },
    });
    await app.close();
    expect(loaded?.status).toBe(0);

    const after = await answersNow();
    const stampB = after[0]?.memory.dataset as DatasetStamp;
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    expect(sameLoad(stampA, stampB)).toBe(false);
    // One copy of each load, both built off this thread.
    expect(builds.map((b) => b.dataset)).toEqual([stampA, stampB]);
    expect(builds.map((b) => b.threadId !== threadId)).toEqual([true, true]);

    const counts = { A: 0, B: 0 };
    for (const { kind, i, answer } of seen) {
      const load = sameLoad(answer.dataset, stampA) ? "A" : "B";
      expect(answer.dataset).toEqual(load === "A" ? stampA : stampB);
      expect(answer).toEqual((load === "A" ? before : after)[i]?.[kind]);
      counts[load] += 1;
    }
    // Both loads were seen during the reload, and the engine answered from A's copy after B was live.
    expect(counts.A).toBeGreaterThan(0);
    expect(counts.B).toBeGreaterThan(0);
    expect(engine.answered.fromEarlierLoad).toBeGreaterThan(0);
    expect(engine.answered.fromCypher).toBe(0);
    // Over HTTP too: the answer of A or of B, stamped with the load it is of.
    for (const { i, status, body } of api) {
      expect(status).toBe(200);
      const matches = [before[i]?.memory, after[i]?.memory].filter(
        (b) => b && isDeepStrictEqual(asJson(impactAnswer(b)), body),
      );
      expect(matches).toHaveLength(1);
    }
    // The two datasets answer differently, so "A's or B's" says something.
    expect(before.map((b) => b.memory.totals)).not.toEqual(after.map((a) => a.memory.totals));
  }, 240_000);

  it("build the copy in a worker thread while the event loop answers from the earlier copy", async () => {
    const [dirA, dirB] = await Promise.all([generated(300, 1200, 21), generated(3000, 12000, 22)]);
    await load(driver, dirA);
    const { engine, builds } = await warmEngine(driver);
    const stampA = builds[0]?.dataset as DatasetStamp;
    await load(driver, dirB);

    // Asked one after another until B's copy is in: the first ask starts the build.
    const during: DatasetStamp[] = [];
    while (builds.length < 2) {
      during.push((await engine.blastRadius(plainCompromise(["org-0"]), { limit: 10 })).dataset);
    }
    const built = builds[1] as CopyBuilt;
    expect([built.organisations, built.contracts]).toEqual([3000, 12000]);
    expect(built.threadId).not.toBe(threadId);
    // While it was built, this thread kept answering from A's copy, saying so; the last answer may
    // have come just after B's copy was put in place.
    const fromA = during.filter((stamp) => sameLoad(stamp, stampA)).length;
    expect(fromA).toBeGreaterThan(0);
    expect(during).toEqual([
      ...Array(fromA).fill(stampA),
      ...Array(during.length - fromA).fill(built.dataset),
    ]);
    expect(during.length - fromA).toBeLessThanOrEqual(1);
    expect(engine.answered).toEqual({
      fromMemory: during.length - fromA,
      fromEarlierLoad: fromA,
      fromCypher: 0,
    });

    // The same engine without a worker builds on this thread: the check above tells them apart.
    const inline: CopyBuilt[] = [];
    await new InMemoryEngine(driver, { timeoutMs: 30_000, onBuilt: (event) => inline.push(event) }).warm();
    expect(inline.map((b) => b.threadId)).toEqual([threadId]);
  }, 240_000);

  it("wait while a load commits (its lock says so until it has), and never for a dead load", async () => {
    await load(driver, graphDataset(graph("c1: a -> v 10")));
    const cypherEngine = new CypherEngine(driver);
    const lock = (committing: boolean, leaseMs: number) =>
      query(
        driver,
        "MERGE (l:LoadLock {id: 'load'}) SET l.owner = 'a test', l.committing = $committing, l.leaseUntil = $lease",
        { committing, lease: new Date(Date.now() + leaseMs).toISOString() },
      );
    try {
      await lock(true, 60_000);
      let settled = false;
      const asked = cypherEngine.blastRadius(plainCompromise(["v"])).finally(() => {
        settled = true;
      });
      // However many round trips the database makes meanwhile, the answer waits for the commit.
      for (let i = 0; i < 20; i++) await query(driver, "RETURN 1 AS one");
      expect(settled).toBe(false);
      await lock(false, 60_000);
      expect((await asked).totals.records).toBe(10);

      // A lock whose lease has run out is a killed load's: nobody waits for it.
      await lock(true, -1_000);
      expect((await cypherEngine.blastRadius(plainCompromise(["v"]))).totals.records).toBe(10);
    } finally {
      await query(driver, "MATCH (l:LoadLock {id: 'load'}) WHERE l.owner = 'a test' DELETE l");
    }
  });
});
