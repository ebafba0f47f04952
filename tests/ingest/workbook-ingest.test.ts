import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario, type ScenarioInput } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import {
  datasetDir,
  graphState,
  leftovers,
  load,
  query,
  runCommand,
  SAMPLE_DIR,
  startCommand,
  testDriver,
} from "../helpers/database.ts";
import { japaneseFolder, sheetsOfFolder, writeWorkbook } from "../helpers/workbooks.ts";

/**
 * A register kept as a workbook, or as CSV files with Japanese headers, gives the graph and the
 * answers of the English CSV files. On the first Neo4j version only: what is version-independent
 * here is everything that differs from the English CSV files (the workbook read out, the headers
 * and words translated); the load and the answers that follow are the CSV files' own, which
 * tests/integration checks on every version.
 */

let driver: Driver;
const scratch = mkdtempSync(join(tmpdir(), "keiro-workbook-ingest-"));
const JA_WORKBOOK = join(scratch, "台帳.xlsx");

beforeAll(async () => {
  driver = testDriver();
  await writeWorkbook(JA_WORKBOOK, sheetsOfFolder(SAMPLE_DIR, "ja"));
});
afterAll(async () => {
  await driver.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Answers on the sample, without the load's stamp (which names the source). */
async function answers(): Promise<string[]> {
  const engine = new CypherEngine(driver);
  const out: string[] = [];
  const inputs: ScenarioInput[] = [
    { vendor: ["isetoh"] },
    { vendor: ["kantsu"] },
    { vendor: ["isetoh"], "as-of": "2024-05", "enforce-retention": true },
  ];
  for (const input of inputs) {
    const { dataset: _stamp, ...answer } = await engine.blastRadius(parseScenario(input));
    out.push(JSON.stringify(answer));
  }
  out.push(JSON.stringify(await engine.rank(undefined)));
  return out;
}

async function stamp() {
  return query(
    driver,
    "MATCH (d:Dataset) RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS at",
  );
}

describe("a register kept in Excel, or as CSV files with Japanese headers", () => {
  it("gives the graph and the answers of the English CSV files", async () => {
    await load(driver, SAMPLE_DIR);
    const graph = await graphState(driver);
    const expected = await answers();

    const ingested = runCommand("bin/ingest.ts", [JA_WORKBOOK, "--replace"]);
    expect(ingested.status, ingested.stderr).toBe(0);
    expect(ingested.stdout).toMatch(
      /^Loaded .*台帳\.xlsx \(47 organisations, 41 contracts, 3 incidents, 43 exposures\) in /,
    );
    expect(await graphState(driver)).toEqual(graph);
    expect(await answers()).toEqual(expected);
    expect((await stamp())[0]?.name).toBe("台帳.xlsx");

    // Loaded twice (merged into the graph it already is), it stays the same graph: through the
    // function the command calls (the command's own run is the one above).
    await load(driver, JA_WORKBOOK, false);
    expect(await graphState(driver)).toEqual(graph);

    // CP932 has no "〜" or "−": Excel saves them as "～" and "－"; nothing else differs.
    const inCp932 = (text: string) => text.replaceAll("\u301c", "\uff5e").replaceAll("\u2212", "\uff0d");
    await load(driver, datasetDir(japaneseFolder(SAMPLE_DIR, "cp932")));
    expect(await graphState(driver)).toEqual(graph.map(inCp932));
    expect(await answers()).toEqual(expected.map(inCp932));
    expect(await leftovers(driver)).toBe(0);
  }, 240_000);

  it("refuses a bad workbook as FILE.xlsx!SHEET:ROW and leaves the graph exactly as it was", async () => {
    await load(driver, SAMPLE_DIR);
    const before = { graph: await graphState(driver), stamp: await stamp() };
    const bad = join(scratch, "bad.xlsx");
    const sheets = sheetsOfFolder(SAMPLE_DIR, "ja");
    const contracts = sheets.find((s) => s.name === "委託");
    if (!contracts) throw new Error("the sample has contracts");
    // Row 3 (the second contract): a since typed as a number; row 5: a consignor that is no id.
    (contracts.rows[2] as unknown[])[7] = 2021;
    (contracts.rows[4] as unknown[])[1] = "nobody";
    await writeWorkbook(bad, sheets);

    // The folder a workbook is read out to goes; a refused dataset folder is the analyst's and stays.
    // Both are refused before the database is asked: run side by side.
    const folder = datasetDir({ "organisations.csv": "id,name\na,A\n", "outsourcing.csv": "id,consignor\n" });
    const [result, refusedFolder] = await Promise.all([
      startCommand("bin/ingest.ts", [bad, "--replace"]),
      startCommand("bin/ingest.ts", [folder]),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      `${bad}!委託:3: 開始日: 2021 is a number in a date column: type a period (2024-05, 2024) as text (start it with ') or a day as a date`,
      `${bad}!委託:5: 委託元: "nobody" is not an id in sheet "組織"`,
      `${bad}: 2 problems; nothing was loaded.`,
      "",
    ]);
    expect(await graphState(driver)).toEqual(before.graph);
    expect(await stamp()).toEqual(before.stamp);

    expect(refusedFolder.status).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(["organisations.csv", "outsourcing.csv"]);
  }, 120_000);

  it("stores a possible contract's confidence, and none for a confirmed one", async () => {
    const dir = datasetDir({
      "organisations.csv": "組織ID,名称\na,A\nb,B\nc,C\n",
      "outsourcing.csv":
        "委託ID,委託元,委託先,確度\nk1,a,b,未確認\nk2,b,c,確認済み\nk3,a,c,\nk4,c,a,possible\n",
    });
    await load(driver, dir);
    const rows = await query(
      driver,
      "MATCH ()-[c:OUTSOURCES_TO]->() RETURN c.id AS id, c.confidence AS confidence ORDER BY id",
    );
    expect(rows).toEqual([
      { id: "k1", confidence: "possible" },
      { id: "k2", confidence: null },
      { id: "k3", confidence: null },
      { id: "k4", confidence: "possible" },
    ]);
  });
});
