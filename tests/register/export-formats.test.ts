import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, query, runCommand, SAMPLE_DIR, startCommand, testDriver } from "../helpers/database.ts";
import { edgeCases, exportLoaded, outDir, roundTrip } from "../helpers/registerExport.ts";

/**
 * `npm run export` in every format and language, and its refusals, on the first Neo4j version
 * only: they write the rows the export read differently, which no server version changes. The
 * reads themselves, one round trip per dataset and the files written byte for byte run on every
 * version (tests/integration/register-export.test.ts).
 */

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

const EDGES = edgeCases();

const CASES = [
  ["CSV files, Japanese headers and words", "ja", ""],
  ["a Japanese workbook", "ja", "register.xlsx"],
  ["an English workbook", "en", "register.xlsx"],
] as const;

describe("export → ingest --replace gives the same graph", () => {
  it.each(CASES)(
    "the Isetoh sample as %s",
    async (_what, lang, file) => {
      // The commands once (their output checked), the functions they call for the rest.
      await roundTrip(
        driver,
        SAMPLE_DIR,
        join(outDir(), file),
        lang,
        file === "register.xlsx" && lang === "ja" ? "commands" : "functions",
      );
    },
    240_000,
  );
  it.each(CASES)(
    "edge cases (confidence, carries, periods, revisions, no contract) as %s",
    async (_what, lang, file) => {
      await roundTrip(driver, EDGES, join(outDir(), file), lang, "functions");
    },
    240_000,
  );
});

describe("what the export writes", () => {
  it("refuses to replace files unless --force, a folder given as a file, and an empty graph", async () => {
    await load(driver, EDGES);
    const dir = outDir();
    await exportLoaded(driver, dir, "en");
    const files = ["organisations.csv", "outsourcing.csv", "incidents.csv", "exposures.csv"].map((f) =>
      join(dir, f),
    );
    // Both refused before the database is asked: run side by side.
    const [exist, notFolder] = await Promise.all([
      startCommand("bin/export.ts", [dir]),
      startCommand("bin/export.ts", [files[0] as string]),
    ]);
    expect(exist).toMatchObject({
      status: 1,
      stderr: `${files.join(", ")} exist; nothing was written (--force replaces them)\n`,
    });
    expect(notFolder).toMatchObject({
      status: 1,
      stderr: `${files[0]} is a file, not a folder (a workbook's name ends in .xlsx); nothing was written\n`,
    });
    expect(readFileSync(files[0] as string, "utf8").startsWith("\uFEFFid,name,")).toBe(true);
    // Japanese by default.
    expect(runCommand("bin/export.ts", [dir, "--force"]).status).toBe(0);
    expect(readFileSync(files[0] as string, "utf8").startsWith("\uFEFF組織ID,名称,")).toBe(true);
    await query(driver, "MATCH (n) DETACH DELETE n");
    const empty = join(outDir(), "empty.xlsx");
    const refused = runCommand("bin/export.ts", [empty]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+ holds no dataset; nothing to export\.\n$/);
    expect(existsSync(empty)).toBe(false);
  });
});
