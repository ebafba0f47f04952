import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { cypher } from "../../neo4j/queries.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import { datasetDir, load, query, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * The search and the overview before their indexes (a pass over every organisation each time),
 * kept here as the reference the indexed queries must match row for row.
 */
const SCAN_SEARCH = `
MATCH (o:Organisation)
WHERE toLower(o.id) CONTAINS $q OR toLower(o.name) CONTAINS $q OR toLower(coalesce(o.nameEn, '')) CONTAINS $q
WITH o,
     CASE WHEN toLower(o.id) STARTS WITH $q OR toLower(o.name) STARTS WITH $q
               OR toLower(coalesce(o.nameEn, '')) STARTS WITH $q THEN 0 ELSE 1 END AS rank
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region
ORDER BY rank, size(o.name), o.id
LIMIT $limit`;
const SCAN_OVERVIEW = `
MATCH (o:Organisation)
WITH o, COUNT { (o)-[:OUTSOURCES_TO]-() } AS degree
ORDER BY degree DESC, o.id
LIMIT $limit
OPTIONAL MATCH (o)-[c:OUTSOURCES_TO]-()
WITH o, degree, sum(c.records) AS records, count(c) - count(c.records) AS undisclosed
RETURN o.id AS id, o.name AS name, o.nameEn AS nameEn, o.kind AS kind, o.region AS region, degree, records, undisclosed`;

let driver: Driver;
let app: FastifyInstance;
beforeAll(() => {
  driver = testDriver();
  app = buildServer({ driver, databaseUri: "bolt://test" });
});
afterAll(async () => {
  await app.close();
  await driver.close();
});

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  rows?: number;
  children: PlanNode[];
}

/** Every operator of a plan (EXPLAIN) or profile (PROFILE), without the runtime's suffix. */
function operators(plan: PlanNode): { operator: string; details: string; rows: number | undefined }[] {
  return [
    {
      operator: plan.operatorType.replace(/@.*$/, ""),
      details: String(plan.arguments.Details ?? ""),
      rows: plan.rows,
    },
    ...plan.children.flatMap(operators),
  ];
}

async function planOf(text: string, params: Record<string, unknown>, mode: "EXPLAIN" | "PROFILE") {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`${mode} ${text}`, params);
    return operators((mode === "EXPLAIN" ? result.summary.plan : result.summary.profile) as PlanNode);
  } finally {
    await session.close();
  }
}

const SEARCHES = [
  "信用金庫",
  "toyota",
  "kan",
  "isetoh",
  "市",
  "株式会社",
  "bank",
  "-",
  "org-1",
  "組織12",
  "vendor 3",
];

async function searchOf(q: string, limit = 200) {
  return (await app.inject({ url: `/api/organisations?q=${encodeURIComponent(q)}&limit=${limit}` })).json()
    .results;
}

describe("the search and the overview read indexes, not every organisation", () => {
  it("plan index seeks and scans: no label scan, no filter over every organisation", async () => {
    await load(driver, SAMPLE_DIR);
    const search = await planOf(cypher("explorer/search"), { q: "kan", limit: neo4j.int(20) }, "EXPLAIN");
    const seeks = search.filter((o) => o.operator === "NodeIndexSeekByRange").map((o) => o.details);
    const scans = search.filter((o) => o.operator === "NodeIndexContainsScan").map((o) => o.details);
    expect(seeks.sort()).toEqual(
      ["searchId", "searchName", "searchNameEn"].map(
        (p) => `TEXT INDEX o:Organisation(${p}) WHERE ${p} STARTS WITH $q`,
      ),
    );
    expect(scans.sort()).toEqual(
      ["searchId", "searchName", "searchNameEn"].map(
        (p) => `TEXT INDEX o:Organisation(${p}) WHERE ${p} CONTAINS $q`,
      ),
    );
    const everyOrganisation = ["NodeByLabelScan", "AllNodesScan", "Filter"];
    expect(search.filter((o) => everyOrganisation.includes(o.operator))).toEqual([]);

    const overview = await planOf(cypher("explorer/overview-nodes"), { limit: neo4j.int(12) }, "EXPLAIN");
    expect(overview.map((o) => o.operator)).toContain("PartialTop");
    expect(overview.filter((o) => o.operator === "NodeIndexScan").map((o) => o.details)).toEqual([
      "RANGE INDEX o:Organisation(degree) WHERE degree IS NOT NULL, cache[o.degree]",
    ]);
    expect(overview.filter((o) => everyOrganisation.includes(o.operator))).toEqual([]);
  });

  it("find and order exactly what the full scans found, on the sample and on a generated graph", async () => {
    const generated = mkdtempSync(join(tmpdir(), "keiro-search-"));
    await generateDataset(generated, { organisations: 2000, contracts: 8000, seed: 3 });
    for (const dir of [SAMPLE_DIR, generated]) {
      await load(driver, dir);
      let found = 0;
      for (const q of SEARCHES) {
        const expected = await query(driver, SCAN_SEARCH, { q, limit: neo4j.int(200) });
        expect(await searchOf(q)).toEqual(expected);
        found += expected.length;
      }
      expect(found).toBeGreaterThan(20);
      for (const limit of [12, 500]) {
        const expected = await query(driver, SCAN_OVERVIEW, { limit: neo4j.int(limit) });
        const { nodes } = (await app.inject({ url: `/api/graph?limit=${limit}&contracts=10` })).json();
        expect(nodes).toEqual(expected);
      }
    }
    // On 2,000 organisations the overview of 12 reads the index in order and stops early.
    const profile = await planOf(cypher("explorer/overview-nodes"), { limit: neo4j.int(12) }, "PROFILE");
    const read = profile.find((o) => o.operator === "NodeIndexScan")?.rows as number;
    expect(read).toBeLessThan(2000);
    expect(read).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it("store each organisation's search keys and contract count at every load, merges included", async () => {
    const stale = () =>
      query<{ stale: number }>(
        driver,
        `MATCH (o:Organisation)
         WHERE o.degree <> COUNT { (o)-[:OUTSOURCES_TO]-() } OR o.searchId <> toLower(o.id)
            OR o.searchName <> toLower(o.name) OR coalesce(o.searchNameEn, '') <> toLower(coalesce(o.nameEn, ''))
            OR o.degree IS NULL OR o.searchId IS NULL OR o.searchName IS NULL
         RETURN count(o) AS stale`,
      );
    const orgs = "id,name,name_en\nA,Ａ社,Alpha Corp\nb,B社,\nc,C社,Gamma\n";
    await load(
      driver,
      datasetDir({
        "organisations.csv": orgs,
        "outsourcing.csv": "id,consignor,contractor\nk1,A,b\nk2,c,b\n",
      }),
    );
    expect(await stale()).toEqual([{ stale: 0 }]);
    // A merge moves k2 from c to A: c's count drops though c is not in the new file.
    await load(
      driver,
      datasetDir({
        "organisations.csv": "id,name\nA,Ａ社\nb,B社\n",
        "outsourcing.csv": "id,consignor,contractor\nk2,A,b\n",
      }),
      false,
    );
    expect(await stale()).toEqual([{ stale: 0 }]);
    expect(
      await query(driver, "MATCH (o:Organisation) RETURN o.id AS id, o.degree AS degree ORDER BY id"),
    ).toEqual([
      { id: "A", degree: 2 },
      { id: "b", degree: 2 },
      { id: "c", degree: 0 },
    ]);
    // Found whatever the case asked; A's English name, emptied by the merge, is no longer found.
    expect((await searchOf("GAMMA")).map((r: { id: string }) => r.id)).toEqual(["c"]);
    expect((await searchOf("ALPHA")).map((r: { id: string }) => r.id)).toEqual([]);
    expect((await searchOf("a")).map((r: { id: string }) => r.id)).toEqual(["A", "c"]);
  });

  it("refuse a graph of the previous format with 'load again', the search and overview too", async () => {
    await load(driver, SAMPLE_DIR);
    await query(driver, "MATCH (d:Dataset) SET d.format = 2");
    const message =
      "The graph was loaded in an older format (2; this Keiro reads 3, which stores whose data each sub-contract carries and each organisation's search keys and contract count). Load the dataset again: npm run ingest -- DIR --replace";
    await expect(new CypherEngine(driver).blastRadius(parseScenario({ vendor: ["isetoh"] }))).rejects.toThrow(
      message,
    );
    for (const url of ["/api/organisations?q=kan", "/api/graph", "/api/impact?vendor=isetoh"]) {
      const response = await app.inject({ url });
      expect([url, response.statusCode, response.json()]).toEqual([
        url,
        409,
        { error: "reload_needed", message },
      ]);
    }
    await load(driver, SAMPLE_DIR);
    expect((await app.inject({ url: "/api/organisations?q=kan" })).statusCode).toBe(200);
  });
});
