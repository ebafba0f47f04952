import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateAndLoad } from "../../ingest/load.ts";
import { generateDataset } from "../../tools/generate/generator.ts";
import { query, SAMPLE_DIR } from "../helpers/database.ts";
import { driver, everything, ingest, instance, reconnect, withOfflineInstance } from "./offlineInstance.ts";

/** The offline load stores what the online load stores, on every Neo4j version (each has its importer). */
withOfflineInstance();

/**
 * One dataset for one offline load per version (each costs a server restart): the sample, a
 * generated dataset beside it (its rows hold no quote or comma: they are appended as they are),
 * and rows whose values try the importer's CSV: quotes, commas, lines, lists, backslashes.
 */
async function combinedDir(): Promise<string> {
  const generated = mkdtempSync(join(tmpdir(), "keiro-generated-"));
  await generateDataset(generated, { organisations: 2000, contracts: 10000, seed: 11 });
  const dir = mkdtempSync(join(tmpdir(), "keiro-offline-"));
  const rowsOf = (file: string) =>
    readFileSync(join(generated, file), "utf8").split("\n").slice(1).filter(Boolean);
  for (const file of ["organisations.csv", "outsourcing.csv", "incidents.csv", "exposures.csv"])
    copyFileSync(join(SAMPLE_DIR, file), join(dir, file));
  appendFileSync(join(dir, "organisations.csv"), `${rowsOf("organisations.csv").join("\n")}\n`);
  // The sample's contracts have a last column more (confidence): left empty.
  appendFileSync(join(dir, "outsourcing.csv"), `${rowsOf("outsourcing.csv").join(",\n")},\n`);
  rmSync(generated, { recursive: true, force: true });
  appendFileSync(
    join(dir, "organisations.csv"),
    '"odd-1","Quote ""q"", comma, semi; and\na second line","  Spaced  ",bank,a\\b,東京都,\n' +
      'odd-2,ＡＢＣ株式会社,,,,,"https://example.com/?a=1,2"\n',
  );
  appendFileSync(
    join(dir, "outsourcing.csv"),
    'c-odd-1,odd-1,odd-2,"printing, mailing","1,234",,"name; address ;;phone",2024-05,2025,2026-03-31,,"line\none",possible\n' +
      "c-odd-2,odd-2,isetoh,,0,7,,,,,c-odd-1,,\n",
  );
  appendFileSync(
    join(dir, "incidents.csv"),
    'i-odd,odd-2,ransomware,2024-05-26,2024-06,"8Base ""group""",\n',
  );
  appendFileSync(
    join(dir, "exposures.csv"),
    "i-odd,odd-1,10,,12,name;my_number,confirmed,2024-06-01,2024-05-30,\n" +
      "i-odd,odd-1,11,3,,,confirmed,2024-07-01,,x\n",
  );
  return dir;
}

describe("an offline load", () => {
  it("stores the sample, a generated dataset and awkward values as the online load does", async () => {
    const dir = await combinedDir();
    await validateAndLoad(driver(), dir, { replace: true });
    await reconnect();
    const online = await everything();
    const result = await ingest([dir, "--offline", "--replace"]);
    await reconnect();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Loaded \S+ \(2049 organisations, 10043 contracts, 4 incidents, 45 exposures\) offline in [\d.]+ s into bolt:\/\/127\.0\.0\.1:\d+, the server down [\d.]+ s; the graph now holds 2049 organisations, 10043 contracts, 4 incidents, 45 exposures\. Fingerprint [0-9a-f]{12}\. \(validated and converted [\d.]+ s, locked [\d.]+ s, imported [\d.]+ s, swapped and restarted [\d.]+ s, derived [\d.]+ s, indexed [\d.]+ s\)\n$/,
    );
    process.stderr.write(`offline: ${result.stdout}`);
    expect(await everything()).toEqual(online);
    expect(online.graph.length).toBe(2049 + 4 + 10043 + 4 + 45);
    expect(online.dataset).toMatchObject({
      organisations: 2049,
      contracts: 10043,
      incidents: 4,
      exposures: 45,
    });
    const [odd] = await query(driver(), "MATCH (o:Organisation {id: 'odd-1'}) RETURN properties(o) AS p");
    // Cells are trimmed as the validator reads them (ingest/readCsv.ts), online and offline alike.
    expect(odd?.p).toEqual({
      id: "odd-1",
      name: 'Quote "q", comma, semi; and\na second line',
      nameEn: "Spaced",
      kind: "bank",
      sector: "a\\b",
      region: "東京都",
      searchId: "odd-1",
      searchName: 'quote "q", comma, semi; and\na second line',
      searchNameEn: "spaced",
      degree: 1,
    });
    expect(existsSync(join(instance.dir, "offline", "backup"))).toBe(false);
    expect(existsSync(join(instance.dir, "load.lock"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 400_000);
});
