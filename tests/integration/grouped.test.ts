import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/** The grouped view of a blast radius: tiers, then kind and region, largest members named. */
let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await load(driver, SAMPLE_DIR);
});
afterAll(async () => {
  await driver.close();
});

describe("the grouped view of a blast radius", () => {
  it("adds up to the blast radius, tier by tier, the same from both engines", async () => {
    const scenario = parseScenario({ vendor: ["isetoh"] });
    const cypher = new CypherEngine(driver);
    const inMemory = new InMemoryEngine(driver, { timeoutMs: 30_000 });
    await inMemory.warm();
    const grouped = await cypher.grouped(scenario, 2);
    expect(await inMemory.grouped(scenario, 2)).toEqual(grouped);

    const radius = await cypher.blastRadius(scenario);
    expect(grouped.totals).toEqual(radius.totals);
    expect(grouped.compromised).toEqual(radius.compromised);
    for (const depth of [1, 2]) {
      const inTier = radius.affected.filter((a) => a.depth === depth);
      const tier = grouped.tiers.find((t) => t.depth === depth);
      expect(tier).toMatchObject({
        organisations: inTier.length,
        records: inTier.reduce((sum, a) => sum + a.records, 0),
        undisclosed: inTier.reduce((sum, a) => sum + a.undisclosed, 0),
      });
      expect(tier?.groups.reduce((sum, g) => sum + g.organisations, 0)).toBe(inTier.length);
    }
    expect(grouped.tiers.map((t) => [t.depth, t.organisations])).toEqual([
      [1, 29],
      [2, 5],
    ]);
    // Depth 2 on the sample: the shinkin banks behind Tokai Shinkin Business, and the Board of Education.
    const banks = grouped.tiers[1]?.groups.find((g) => g.kind === "shinkin_bank");
    expect(banks?.largest.map((m) => [m.id, m.records])).toEqual([
      ["tono-shinkin", 5008],
      ["ogaki-seino-shinkin", 3879],
    ]);
  });

  it("is served at /api/impact/groups, with members checked", async () => {
    const app = buildServer({ driver, databaseUri: "bolt://test" });
    try {
      const ok = await app.inject({ url: "/api/impact/groups?vendor=tokai-shinkin-business&members=1" });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ format: 1, dataset: { name: "isetoh-2024" } });
      expect(ok.json().tiers).toEqual([
        {
          depth: 1,
          organisations: 4,
          records: 69403,
          undisclosed: 0,
          groups: [
            {
              kind: "aggregate",
              region: "Gifu/Shizuoka/Aichi/Mie",
              organisations: 1,
              records: 57814,
              undisclosed: 0,
              largest: [expect.objectContaining({ id: "tokai-shinkin-others", records: 57814 })],
            },
            expect.objectContaining({ kind: "shinkin_bank", organisations: 3, records: 11589 }),
          ],
        },
      ]);
      const bad = await app.inject({ url: "/api/impact/groups?vendor=isetoh&members=0" });
      expect([bad.statusCode, bad.json().parameter]).toEqual([400, "members"]);
    } finally {
      await app.close();
    }
  });

  it("serves one group with more of its largest members at /api/impact/group (what the explorer expands)", async () => {
    const app = buildServer({ driver, databaseUri: "bolt://test" });
    try {
      const url = "/api/impact/group?vendor=tokai-shinkin-business&depth=1&kind=shinkin_bank&region=";
      const group = await app.inject({ url: `${url}&members=2` });
      expect(group.statusCode).toBe(200);
      const { dataset, scenario, largest, ...figures } = group.json();
      expect([dataset.name, scenario.compromised]).toEqual(["isetoh-2024", ["tokai-shinkin-business"]]);
      expect(figures).toEqual({
        format: 1,
        depth: 1,
        kind: "shinkin_bank",
        region: null,
        organisations: 3,
        records: 11589,
        undisclosed: 0,
      });
      expect(largest.map((m: { id: string; records: number }) => [m.id, m.records])).toEqual([
        ["tono-shinkin", 5008],
        ["ogaki-seino-shinkin", 3879],
      ]);
      const missing = await app.inject({ url: url.replace("depth=1", "depth=2") });
      expect([missing.statusCode, missing.json().message]).toEqual([
        404,
        "no group of depth 2, kind shinkin_bank and region unknown in this blast radius",
      ]);
      const many = await app.inject({ url: `${url}&members=101` });
      expect([many.statusCode, many.json().parameter]).toEqual([400, "members"]);
    } finally {
      await app.close();
    }
  });
});
