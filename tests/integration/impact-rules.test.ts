import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario, type ScenarioInput } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { load, testDriver } from "../helpers/database.ts";
import { graph, graphDataset, type HandGraph } from "../helpers/graphs.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/**
 * Loads the graph alone and answers the scenario: [id, depth, records, subjects, undisclosed], the
 * totals (the sums; the estimate apart), the confirmed part and who is affected only through
 * possible contracts.
 */
async function answer(g: HandGraph, input: ScenarioInput) {
  await load(driver, graphDataset(g));
  const result = await new CypherEngine(driver).blastRadius(parseScenario(input));
  const { estimate, ...sums } = result.totals;
  return {
    affected: result.affected.map((a) => [a.id, a.depth, a.records, a.subjects, a.undisclosed]),
    totals: sums,
    estimate,
    confirmed: result.confirmed,
    onlyPossible: result.affected.filter((a) => !a.confirmed).map((a) => a.id),
    possibleContracts: result.contracts.filter((c) => c.confidence === "possible").map((c) => c.id),
    paths: Object.fromEntries(result.affected.map((a) => [a.id, a.path.join(">")])),
  };
}

const totals = (
  organisations: number,
  contracts: number,
  records: number,
  undisclosedContracts = 0,
  subjects = 0,
  undisclosedSubjectContracts = contracts,
) => ({
  organisations,
  contracts,
  records,
  subjects,
  undisclosedContracts,
  undisclosedSubjectContracts,
});

describe("blast radius rules (DOMAIN.md), each on a hand-made graph", () => {
  it("follows chains and reports depth and one shortest path", async () => {
    const r = await answer(graph("c1: a -> b 10", "c2: b -> v 5", "c3: x -> a 7"), { vendor: ["v"] });
    expect(r.affected).toEqual([
      ["b", 1, 5, 0, 0],
      ["a", 2, 10, 0, 0],
      ["x", 3, 7, 0, 0],
    ]);
    expect(r.paths).toEqual({ b: "b>v", a: "a>b>v", x: "x>a>b>v" });
    expect(r.totals).toEqual(totals(3, 3, 22));
  });

  it("counts a pass-through sub-contract as 0, so nothing is counted twice", async () => {
    const r = await answer(
      graph("c1: bank -> shared 2713", "c2: others -> shared 66701", "c3: shared -> isetoh 0"),
      { vendor: ["isetoh"] },
    );
    expect(r.affected).toEqual([
      ["shared", 1, 0, 0, 0],
      ["others", 2, 66701, 0, 0],
      ["bank", 2, 2713, 0, 0],
    ]);
    expect(r.totals.records).toBe(69414);
  });

  it("keeps undisclosed counts apart: never zero, the total a lower bound", async () => {
    const r = await answer(graph("c1: a -> v ?", "c2: b -> v 100", "c3: a -> v 5"), { vendor: ["v"] });
    expect(r.affected).toEqual([
      ["b", 1, 100, 0, 0],
      ["a", 1, 5, 0, 1],
    ]);
    expect(r.totals).toEqual(totals(2, 3, 105, 1));
  });

  it("does not loop on cycles, and a cycle member counts all its contracts into the radius", async () => {
    const r = await answer(graph("c1: a -> b 1", "c2: b -> a 2", "c3: b -> v 4", "c4: v -> a 8"), {
      vendor: ["v"],
    });
    expect(r.affected).toEqual([
      ["b", 1, 6, 0, 0],
      ["a", 2, 1, 0, 0],
    ]);
    // v -> a is the compromised vendor's own contract: not counted.
    expect(r.totals).toEqual(totals(2, 3, 7));
  });

  it("counts both arms of a diamond once each, at the shortest depth", async () => {
    const r = await answer(
      graph("c1: top -> l 1", "c2: top -> r 2", "c3: l -> v 10", "c4: r -> v 20", "c5: top -> v 100"),
      { vendor: ["v"] },
    );
    expect(r.affected).toEqual([
      ["top", 1, 103, 0, 0],
      ["r", 1, 20, 0, 0],
      ["l", 1, 10, 0, 0],
    ]);
    expect(r.totals).toEqual(totals(3, 5, 133));
  });

  it("excludes a contract by id", async () => {
    const g = graph("c1: a -> b 10", "c2: b -> v 5", "c3: a -> v 7");
    expect((await answer(g, { vendor: ["v"], "exclude-contract": ["c3"] })).affected).toEqual([
      ["b", 1, 5, 0, 0],
      ["a", 2, 10, 0, 0],
    ]);
  });

  it("excludes an organisation and every contract that touches it", async () => {
    const g = graph("c1: a -> b 10", "c2: b -> v 5", "c3: x -> v 7");
    const r = await answer(g, { vendor: ["v"], "exclude-org": ["b"] });
    expect(r.affected).toEqual([["x", 1, 7, 0, 0]]);
    expect(r.totals).toEqual(totals(1, 1, 7));
  });

  it("stops at max depth and counts only contracts within it", async () => {
    const g = graph("c1: a -> b 10", "c2: b -> v 5", "c3: x -> a 7", "c4: a -> v 1");
    const r = await answer(g, { vendor: ["v"], "max-depth": "1" });
    expect(r.affected).toEqual([
      ["b", 1, 5, 0, 0],
      ["a", 1, 1, 0, 0],
    ]);
    // a -> b would need depth(b) + 1 = 2 ≤ 1: not counted.
    expect(r.totals).toEqual(totals(2, 2, 6));
  });

  it("as of a date, leaves out contracts that had not begun (since by its first day)", async () => {
    const g = graph("c1: a -> v 10 since=2024-06", "c2: b -> v 5 since=2024-05", "c3: c -> v 3 since=2024");
    const r = await answer(g, { vendor: ["v"], "as-of": "2024-05-26" });
    expect(r.affected).toEqual([
      ["b", 1, 5, 0, 0],
      ["c", 1, 3, 0, 0],
    ]);
  });

  it("keeps contracts that merely ended; with retention enforced, leaves out data past its delete_by", async () => {
    const g = graph("c1: a -> v 10 delete_by=2024-04", "c2: b -> v 5 delete_by=2024-05", "c3: c -> v 3");
    expect((await answer(g, { vendor: ["v"], "as-of": "2024-05-26" })).totals.records).toBe(18);
    const r = await answer(g, { vendor: ["v"], "as-of": "2024-05-26", "enforce-retention": true });
    // delete_by 2024-05 is judged at its last day, 2024-05-31: not yet past.
    expect(r.affected).toEqual([
      ["b", 1, 5, 0, 0],
      ["c", 1, 3, 0, 0],
    ]);
  });

  it("takes several compromised vendors at once, each organisation at its nearest", async () => {
    const g = graph("c1: a -> v1 10", "c2: a -> v2 20", "c3: b -> a 1", "c4: c -> v2 4", "c5: d -> c 2");
    const r = await answer(g, { vendor: ["v1", "v2"] });
    expect(r.affected).toEqual([
      ["a", 1, 30, 0, 0],
      ["c", 1, 4, 0, 0],
      ["d", 2, 2, 0, 0],
      ["b", 2, 1, 0, 0],
    ]);
    expect(r.totals).toEqual(totals(4, 5, 37));
  });

  it("does not count a compromised vendor, nor its own outsourcing, nor what lies beyond it", async () => {
    const g = graph("c1: a -> v 10", "c2: v -> sub 50", "c3: sub -> subsub 0", "c4: v -> w 5");
    const r = await answer(g, { vendor: ["v"] });
    expect(r.affected).toEqual([["a", 1, 10, 0, 0]]);
    expect(r.totals).toEqual(totals(1, 1, 10));
  });

  it("adds records and persons separately", async () => {
    const g = graph("c1: a -> v 1035603/148620", "c2: b -> v ?/61424");
    const r = await answer(g, { vendor: ["v"] });
    expect(r.affected).toEqual([
      ["a", 1, 1035603, 148620, 0],
      ["b", 1, 0, 61424, 1],
    ]);
    expect(r.totals).toEqual(totals(2, 2, 1035603, 1, 210044, 0));
  });

  it("counts the confirmed part apart: possible contracts left out, and who is affected only through them", async () => {
    const g = graph(
      "c1: a -> v 100/10",
      "c2: b -> v 50/5 confidence=possible",
      "c3: c -> b 7/1",
      "c4: d -> a 3/1 confidence=possible",
      "c5: e -> a 5/1",
      "c6: e -> b 9/1",
    );
    const whole = await answer(g, { vendor: ["v"] });
    expect(whole.affected).toEqual([
      ["a", 1, 100, 10, 0],
      ["b", 1, 50, 5, 0],
      ["e", 2, 14, 2, 0],
      ["c", 2, 7, 1, 0],
      ["d", 2, 3, 1, 0],
    ]);
    expect(whole.totals).toEqual(totals(5, 6, 174, 0, 19, 0));
    // b's own contract is possible; c reaches v only through it; d's contract is possible; e has a confirmed chain.
    expect(whole.confirmed).toEqual(totals(2, 2, 105, 0, 11, 0));
    expect(whole.onlyPossible).toEqual(["b", "c", "d"]);
    expect(whole.possibleContracts).toEqual(["c2", "c4"]);
    // The confirmed part is the scenario on confirmed contracts only.
    const confirmedOnly = await answer(g, { vendor: ["v"], "confirmed-only": true });
    expect(confirmedOnly.affected).toEqual([
      ["a", 1, 100, 10, 0],
      ["e", 2, 5, 1, 0],
    ]);
    expect(confirmedOnly.totals).toEqual(whole.confirmed);
    expect(confirmedOnly.confirmed).toEqual(whole.confirmed);
    expect(confirmedOnly.onlyPossible).toEqual([]);
  });

  it("estimates the undisclosed from peers of the consignor's kind: every peer x gives the total + n·x", async () => {
    const g = graph(
      "c1: a -> v 100/10",
      "c2: b -> v 100/10",
      "c3: c -> v 100/10",
      "c4: d -> v 100/10",
      "c5: e -> v 100/10",
      "c6: f -> v ?/10",
      "c7: g -> f ?/10",
    );
    const r = await answer(g, { vendor: ["v"] });
    expect(r.totals).toEqual(totals(7, 7, 500, 2, 70, 0));
    expect(r.estimate).toEqual({
      records: { p10: 700, p50: 700, p90: 700 },
      subjects: { p10: 70, p50: 70, p90: 70 },
      draws: 1000,
      peers: { company: 5 },
      peerCount: 5,
    });
    // Nothing undisclosed: the estimate collapses onto the totals, nothing drawn.
    const known = await answer(graph("c1: a -> v 100/10", "c2: b -> v 40/4"), { vendor: ["v"] });
    expect(known.estimate).toEqual({
      records: { p10: 140, p50: 140, p90: 140 },
      subjects: { p10: 14, p50: 14, p90: 14 },
      draws: 0,
      peers: {},
      peerCount: 0,
    });
    // No known count to draw from: no estimate (never a zero in its place).
    const none = await answer(graph("c1: a -> v ?", "c2: b -> v ?"), { vendor: ["v"] });
    expect(none.estimate).toBeNull();
  });

  it("refuses ids that do not exist, naming the parameter", async () => {
    await load(driver, graphDataset(graph("c1: a -> v 1")));
    await expect(
      new CypherEngine(driver).blastRadius(parseScenario({ vendor: ["v", "ghost"] })),
    ).rejects.toThrow('vendor: no organisation "ghost"');
    await expect(
      new CypherEngine(driver).blastRadius(parseScenario({ vendor: ["v"], "exclude-org": ["ghost"] })),
    ).rejects.toThrow('exclude-org: no organisation "ghost"');
    await expect(
      new CypherEngine(driver).blastRadius(parseScenario({ vendor: ["v"], "exclude-contract": ["c9"] })),
    ).rejects.toThrow('exclude-contract: no contract "c9"');
    expect(() => parseScenario({ vendor: ["v"], "enforce-retention": true })).toThrow(
      "enforce-retention needs as-of",
    );
  });
});
