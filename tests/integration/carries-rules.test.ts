import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { type BlastRadius, parseScenario, type ScenarioInput, whyNotAffected } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { load, query, runCommand, testDriver } from "../helpers/database.ts";
import { graph, graphDataset, type HandGraph } from "../helpers/graphs.ts";

/**
 * Scoped sub-contracts (docs/blast-radius.md#2-reach-and-depth), each rule on a hand-made graph
 * with its exact answer, from both engines: a sub-contract with `carries` passes on only the
 * data of the contracts it lists.
 */
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

const brief = (result: BlastRadius) => ({
  affected: result.affected.map((a) => [a.id, a.depth, a.records, a.undisclosed, a.chain.join(",")]),
  totals: [result.totals.organisations, result.totals.contracts, result.totals.records],
});

/** Loads the graph alone; both engines must give the same answer, which is returned in brief. */
async function answer(g: HandGraph, ...inputs: ScenarioInput[]) {
  await load(driver, graphDataset(g));
  const inMemory = new InMemoryEngine(driver, { timeoutMs: 30_000 });
  await inMemory.warm();
  const answers = [];
  for (const input of inputs) {
    const scenario = parseScenario(input);
    const fromCypher = await new CypherEngine(driver).blastRadius(scenario);
    expect(await inMemory.blastRadius(scenario)).toEqual(fromCypher);
    answers.push(brief(fromCypher));
  }
  return answers;
}

describe("scoped sub-contracts (carries), each on a hand-made graph, from both engines", () => {
  it("passes on only the listed contract's data: the enclosing shop reaches Yokosuka, not Toyota", async () => {
    const g = graph(
      "c-y: yokosuka -> isetoh 100",
      "c-t: toyota -> isetoh 200",
      "c-e: isetoh -> shop 0 carries=c-y",
    );
    const [shop, isetoh] = await answer(g, { vendor: ["shop"] }, { vendor: ["isetoh"] });
    expect(shop).toEqual({
      affected: [
        ["isetoh", 1, 0, 0, "c-e"],
        ["yokosuka", 2, 100, 0, "c-y,c-e"],
      ],
      totals: [2, 2, 100],
    });
    expect(isetoh).toEqual({
      affected: [
        ["toyota", 1, 200, 0, "c-t"],
        ["yokosuka", 1, 100, 0, "c-y"],
      ],
      totals: [2, 2, 300],
    });
  });

  it("follows a scoped sub-contract further down a chain, and leaves the unlisted client out", async () => {
    const g = graph("c1: a -> b 10", "c2: x -> b 20", "c3: b -> c 0 carries=c1", "c4: c -> v 0");
    const [r] = await answer(g, { vendor: ["v"] });
    expect(r).toEqual({
      affected: [
        ["c", 1, 0, 0, "c4"],
        ["b", 2, 0, 0, "c3,c4"],
        ["a", 3, 10, 0, "c1,c3,c4"],
      ],
      totals: [3, 3, 10],
    });
  });

  it("passes nothing on when every contract it lists is inactive", async () => {
    const g = graph("c1: a -> b 10", "c2: y -> b 5", "c3: b -> v 0 carries=c1");
    const [plain, excluded, asOf] = await answer(
      g,
      { vendor: ["v"] },
      { vendor: ["v"], "exclude-contract": ["c1"] },
      { vendor: ["v"], "as-of": "2020" },
    );
    expect(plain?.affected).toEqual([
      ["b", 1, 0, 0, "c3"],
      ["a", 2, 10, 0, "c1,c3"],
    ]);
    expect(excluded).toEqual({ affected: [["b", 1, 0, 0, "c3"]], totals: [1, 1, 0] });
    expect(asOf).toEqual(plain);
  });

  it("counts an organisation's contract whose ℓ is above its depth, only when a sub-contract carries it", async () => {
    const g = graph("c1: a -> v 5", "c2: a -> b 7", "c3: b -> v 0 carries=c4", "c4: y -> b 3");
    const [all, shallow] = await answer(g, { vendor: ["v"] }, { vendor: ["v"], "max-depth": "1" });
    expect(all).toEqual({
      affected: [
        ["a", 1, 5, 0, "c1"],
        ["b", 1, 0, 0, "c3"],
        ["y", 2, 3, 0, "c4,c3"],
      ],
      totals: [3, 3, 8],
    });
    expect(shallow).toEqual({
      affected: [
        ["a", 1, 5, 0, "c1"],
        ["b", 1, 0, 0, "c3"],
      ],
      totals: [2, 2, 5],
    });
  });

  it("goes round a cycle once: a's own contract comes back through b, counted at ℓ 3", async () => {
    const g = graph("c1: a -> b 1", "c2: b -> a 0 carries=c1", "c3: a -> v 0");
    const [all, two] = await answer(g, { vendor: ["v"] }, { vendor: ["v"], "max-depth": "2" });
    expect(all).toEqual({
      affected: [
        ["a", 1, 1, 0, "c3"],
        ["b", 2, 0, 0, "c2,c3"],
      ],
      totals: [2, 3, 1],
    });
    expect(two).toEqual({
      affected: [
        ["a", 1, 0, 0, "c3"],
        ["b", 2, 0, 0, "c2,c3"],
      ],
      totals: [2, 2, 0],
    });
  });

  it("takes the chain through the smaller contractor id, then the smaller contract id", async () => {
    const g = graph("k2: a -> m 1", "k1: a -> m 1", "k3: a -> z 1", "k4: m -> v 0", "k5: z -> v 0");
    const [r] = await answer(g, { vendor: ["v"] });
    expect(r?.affected).toEqual([
      ["m", 1, 0, 0, "k4"],
      ["z", 1, 0, 0, "k5"],
      ["a", 2, 3, 0, "k1,k4"],
    ]);
  });

  it("ranks every vendor by the new arithmetic", async () => {
    await load(
      driver,
      graphDataset(
        graph(
          "c-y: yokosuka -> isetoh 100",
          "c-t: toyota -> isetoh 200",
          "c-e: isetoh -> shop 0 carries=c-y",
        ),
      ),
    );
    const ranks = (await new CypherEngine(driver).rank()).map((r) => [r.id, r.records, r.organisations]);
    expect(ranks).toEqual([
      ["isetoh", 300, 2],
      ["shop", 100, 2],
    ]);
  });
});

describe("a graph loaded before carries existed", () => {
  it("is refused with 'load again' by both engines, the API (409) and the command line (exit 1)", async () => {
    await load(driver, graphDataset(graph("c1: a -> v 10")));
    await query(driver, "MATCH (d:Dataset) REMOVE d.format");
    const message =
      "The graph was loaded in an older format (1; this Keiro reads 3, which stores whose data each sub-contract carries and each organisation's search keys and contract count). Load the dataset again: npm run ingest -- DIR --replace";
    const scenario = parseScenario({ vendor: ["v"] });
    await expect(new CypherEngine(driver).blastRadius(scenario)).rejects.toThrow(message);
    await expect(new InMemoryEngine(driver, { timeoutMs: 30_000 }).blastRadius(scenario)).rejects.toThrow(
      message,
    );
    await expect(new CypherEngine(driver).rank()).rejects.toThrow(message);

    const app = buildServer({ driver, databaseUri: "bolt://test" });
    const response = await app.inject({ url: "/api/impact?vendor=v" });
    expect([response.statusCode, response.json()]).toEqual([409, { error: "reload_needed", message }]);
    await app.close();

    const cli = runCommand("bin/impact.ts", ["--vendor", "v"]);
    expect([cli.status, cli.stderr.trim()]).toEqual([1, message]);

    // Loading again makes it answerable.
    await load(driver, graphDataset(graph("c1: a -> v 10")));
    expect((await new CypherEngine(driver).blastRadius(scenario)).totals.records).toBe(10);
  });
});

describe("why an organisation is not affected", () => {
  it("names what stops each of its contracts: a scoped sub-contract, exclusion, dates, depth or no route", async () => {
    const g = graph(
      "c-y: yokosuka -> isetoh 100",
      "c-t: toyota -> isetoh 200",
      "c-e: isetoh -> shop 0 carries=c-y",
      "c-x: toyota -> other 5",
      "c-late: toyota -> shop 1 since=2025-01-01 confidence=possible",
      "c-cut: toyota -> yokosuka 1",
    );
    await load(driver, graphDataset(g));
    const engine = new CypherEngine(driver);
    const outgoing = [
      { id: "c-t", counterpart: "isetoh" },
      { id: "c-x", counterpart: "other" },
      { id: "c-late", counterpart: "shop", since: "2025-01-01" },
      { id: "c-cut", counterpart: "yokosuka" },
    ];
    const radius = await engine.blastRadius(
      parseScenario({ vendor: ["shop"], "as-of": "2024-06", "max-depth": "2" }),
    );
    expect(radius.affected.map((a) => a.id)).toEqual(["isetoh", "yokosuka"]);
    expect(whyNotAffected(radius, outgoing)).toEqual([
      { contract: "c-t", contractor: "isetoh", why: "not_carried", by: [{ id: "c-e", carries: ["c-y"] }] },
      { contract: "c-x", contractor: "other", why: "no_route" },
      { contract: "c-late", contractor: "shop", why: "not_in_force" },
      { contract: "c-cut", contractor: "yokosuka", why: "beyond_max_depth", depth: 3 },
    ]);
    const excluding = await engine.blastRadius(
      parseScenario({ vendor: ["shop"], "exclude-contract": ["c-late"] }),
    );
    expect(whyNotAffected(excluding, [outgoing[2] as (typeof outgoing)[0]])).toEqual([
      { contract: "c-late", contractor: "shop", why: "excluded" },
    ]);
    // On confirmed contracts only, a possible contract brings nothing: "only through possible contracts".
    const confirmedOnly = await engine.blastRadius(
      parseScenario({ vendor: ["shop"], "max-depth": "2", "confirmed-only": true }),
    );
    expect(confirmedOnly.affected.map((a) => a.id)).toEqual(["isetoh", "yokosuka"]);
    expect(
      whyNotAffected(confirmedOnly, [{ id: "c-late", counterpart: "shop", confidence: "possible" }]),
    ).toEqual([{ contract: "c-late", contractor: "shop", why: "only_possible" }]);
  });
});
