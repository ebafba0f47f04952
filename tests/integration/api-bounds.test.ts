import { type Driver, Neo4jError } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BusyError, Gate } from "../../api/gate.ts";
import { buildServer } from "../../api/server.ts";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { renderBlastRadius } from "../../report/render.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** Bounded work per request (issue 13, item 2). */
let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
});
afterAll(async () => {
  await driver.close();
});

describe("bounded work per request", () => {
  it("runs so many heavy requests at once, queues so many, and tells the rest to come back", async () => {
    const gate = new Gate(1, 1, 3);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = gate.run(async () => {
      await held;
      order.push("first");
    });
    const second = gate.run(async () => order.push("second"));
    await expect(gate.run(async () => order.push("third"))).rejects.toEqual(new BusyError(3));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    // Slots free again once the work is done.
    expect(await gate.run(async () => "again")).toBe("again");
  });

  it("answers 503 with Retry-After when every slot and the queue are taken", async () => {
    const engine = new InMemoryEngine(driver, { timeoutMs: 30_000 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = Object.assign(Object.create(engine) as InMemoryEngine, {
      blastRadius: async (...args: Parameters<InMemoryEngine["blastRadius"]>) => {
        await held;
        return engine.blastRadius(...args);
      },
    });
    const app = buildServer({
      driver,
      databaseUri: "bolt://test",
      engine: slow,
      heavy: { slots: 1, queue: 0 },
    });
    try {
      const first = app.inject({ url: "/api/impact?vendor=isetoh&limit=1" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const busy = await app.inject({ url: "/api/impact?vendor=kantsu" });
      expect([busy.statusCode, busy.headers["retry-after"], busy.json().error]).toEqual([503, "2", "busy"]);
      release();
      expect((await first).statusCode).toBe(200);
      expect((await app.inject({ url: "/api/impact?vendor=kantsu" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("cuts a report's lists at its limit and says so, with exact totals", async () => {
    const app = buildServer({ driver, databaseUri: "bolt://test", reportLimit: 2 });
    try {
      const csv = await app.inject({ url: "/api/report?vendor=isetoh&format=csv" });
      expect(csv.body.trim().split("\r\n")).toHaveLength(1 + 2);
      const md = (await app.inject({ url: "/api/report?vendor=isetoh&format=md&lang=en" })).body;
      expect(md).toContain("The 2 nearest and largest of 34 are listed; the totals cover all.");
      expect(md).toContain("| Records exposed | ≥ 1,537,836 |");
    } finally {
      await app.close();
    }
  });

  it("streams a report as it is rendered (chunked, no length up front), the same text as rendered whole", async () => {
    const app = buildServer({ driver, databaseUri: "bolt://test" });
    try {
      const base = await app.listen({ host: "127.0.0.1", port: 0 });
      const response = await fetch(`${base}/api/report?vendor=isetoh&format=json`);
      expect([
        response.status,
        response.headers.get("transfer-encoding"),
        response.headers.get("content-length"),
      ]).toEqual([200, "chunked", null]);
      const result = await new CypherEngine(driver).blastRadius(parseScenario({ vendor: ["isetoh"] }), {
        limit: 20_000,
      });
      expect(await response.text()).toBe(renderBlastRadius("json", { result, lang: "ja" }).body);
    } finally {
      await app.close();
    }
  });

  it("ranks from one copy build shared by every ranking request that arrives while it is made", async () => {
    const builds: number[] = [];
    const engine = new InMemoryEngine(driver, {
      timeoutMs: 30_000,
      onBuilt: ({ contracts }) => builds.push(contracts),
    });
    const [a, b, c] = await Promise.all([engine.rank(3), engine.rank(3), engine.rank(1)]);
    expect(builds).toEqual([41]);
    expect(engine.ranked).toEqual({ fromMemory: 3, fromEarlierLoad: 0, fromCypher: 0 });
    expect(a).toEqual(b);
    expect(c).toEqual(a?.slice(0, 1));
  });
});

describe("timeouts", () => {
  it("answer 503 with Retry-After and one line of JSON, never a raw driver message", async () => {
    // The server's own error for a transaction past its timeout (it checks every few seconds, so
    // a real one cannot be timed in a test): the API must classify it by its code.
    const engine = new InMemoryEngine(driver, { timeoutMs: 30_000 });
    const timedOut = new Neo4jError(
      "The transaction has been terminated. Retry your operation in a new transaction...",
      "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
      "25N05",
      "error: transaction timed out",
    );
    const slow = Object.assign(Object.create(engine) as InMemoryEngine, {
      blastRadius: async () => Promise.reject(timedOut),
      rank: async () => Promise.reject(new Error("a bug somewhere, with a stack trace")),
      stampedRank: async () => Promise.reject(new Error("a bug somewhere, with a stack trace")),
    });
    const app = buildServer({ driver, databaseUri: "bolt://test", engine: slow });
    try {
      const response = await app.inject({ url: "/api/impact?vendor=isetoh" });
      expect([response.statusCode, response.headers["retry-after"], response.json()]).toEqual([
        503,
        "5",
        { error: "timeout", message: "The database did not answer in time; try again in a few seconds." },
      ]);
      const broken = await app.inject({ url: "/api/rank" });
      expect([broken.statusCode, broken.json()]).toEqual([
        500,
        { error: "internal", message: "An internal error occurred; it has been logged." },
      ]);
    } finally {
      await app.close();
    }
  });

  it("the bundled server ends every transaction that does not ask for longer", async () => {
    const [setting] = (
      await driver.executeQuery(
        "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value",
      )
    ).records.map((r) => r.get("value"));
    expect(setting).toBe("2m");
  });
});
