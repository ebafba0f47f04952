import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { expect } from "vitest";
import { ExportReads } from "../../engine/exportReads.ts";
import { exportRegister, targetOf } from "../../register/export.ts";
import { datasetDir, graphState, load, query, runCommand } from "./database.ts";

/**
 * `npm run export`'s round trip, shared by the files that test it: the loaded dataset out as CSV
 * files (English or Japanese headers) or a workbook, and the export loaded back with
 * `npm run ingest -- … --replace`, gives the same graph: every label and relationship type
 * counted, every organisation, contract, incident and report with all its properties (the
 * dataset's stamp aside).
 */

/** Everything a load leaves but its stamp: counts of every label and type, and every element's properties. */
export async function snapshot(driver: Driver) {
  const labels = await query(
    driver,
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
  );
  const types = await query(driver, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type");
  const [sizes] = await query(
    driver,
    "MATCH (d:Dataset) RETURN d.format AS format, d.organisations AS organisations, d.contracts AS contracts, d.incidents AS incidents, d.exposures AS exposures",
  );
  return { labels, types, sizes, elements: await graphState(driver) };
}

export async function loadedAt(driver: Driver): Promise<string> {
  const [row] = await query<{ at: string }>(driver, "MATCH (d:Dataset) RETURN d.loadedAt AS at");
  return row?.at ?? "";
}

/** A dataset with every kind of value a register holds, and its edge cases (a folder of its own). */
export function edgeCases(): string {
  return datasetDir({
    "organisations.csv": [
      "id,name,name_en,kind,sector,region,source",
      'city,テスト市,"Test City, ""the"" city",municipality,"local government\nof two lines",Kanagawa,"=HYPERLINK(""x"")"',
      "center,共同センター,,shared_service,,,",
      "printer,印刷会社,Printer,print_mail_vendor,,,",
      "shop,封入店,,hospital,,,",
      "bank,銀行A,,bank,銀行,,",
      "lonely,孤立した組織,Lonely,other,,,no contract at all",
    ].join("\n"),
    "outsourcing.csv": [
      "id,consignor,contractor,service,records,subjects,data_categories,since,until,delete_by,carries,confidence,source",
      'c1,city,center,notices,"1,200",1000,name; address,2021-04,,2024-03-31,,,',
      "c2,center,printer,printing,0,,name,2021,2023,2023-12,c1,possible,",
      "c3,printer,shop,enclosing,,,,,,,c2;c4,未確認,",
      "c4,bank,printer,statements,500,,,2020-01-15,,,,confirmed,",
    ].join("\n"),
    "incidents.csv": [
      "id,victim,kind,discovered,disclosed,actor,source",
      "inc,printer,ransomware,2024-05,2024-06-03,X,",
      "inc2,shop,,,,,",
    ].join("\n"),
    "exposures.csv": [
      "incident,organisation,records,subjects,gross_records,data_categories,status,reported_on,learned_on,source",
      "inc,city,1200,,1500,name,possible,2024-06-10,2024-06-05,",
      "inc,city,1100,,,name,confirmed,2024-07,2024-06-05,",
      "inc,bank,,,,,ruled_out,,,",
    ].join("\n"),
  });
}

export const outDir = () => mkdtempSync(join(tmpdir(), "keiro-export-"));

/** The loaded dataset written to `target` (a folder, or a path ending in .xlsx) by the function `npm run export` calls. */
export async function exportLoaded(driver: Driver, target: string, lang: "ja" | "en") {
  const reads = new ExportReads(driver, 120_000);
  return exportRegister(
    targetOf(target),
    {
      organisations: reads.rows("organisations"),
      contracts: reads.rows("contracts"),
      incidents: reads.rows("incidents"),
      exposures: reads.rows("exposures"),
    },
    { lang },
  );
}

/**
 * Export → ingest --replace → the same graph, for a target and a language: through the commands
 * as an analyst runs them, or (to keep the suite's time) through the same functions in this process.
 */
export async function roundTrip(
  driver: Driver,
  dataset: string,
  target: string,
  lang: "ja" | "en",
  how: "commands" | "functions",
) {
  await load(driver, dataset);
  const before = await snapshot(driver);
  const at = await loadedAt(driver);
  if (how === "functions") {
    await exportLoaded(driver, target, lang);
    await load(driver, target);
  } else {
    const exported = runCommand("bin/export.ts", [target, "--lang", lang]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    const { organisations, contracts, incidents, exposures } = before.sizes as Record<string, number>;
    const name = dataset.split("/").at(-1);
    expect(exported.stdout).toMatch(
      new RegExp(
        `^Exported ${name} \\(loaded ${at.replace(/\./g, "\\.")}\\) to ${target} \\(${lang}\\): ${organisations} organisations, ${contracts} contracts, ${incidents} incidents, ${exposures} exposures in \\d+\\.\\d s\\.\\n$`,
      ),
    );
    const loaded = runCommand("bin/ingest.ts", [target, "--replace"]);
    expect(loaded.stderr).toBe("");
    expect(loaded.status).toBe(0);
  }
  expect(await snapshot(driver)).toEqual(before);
  expect(await loadedAt(driver)).not.toBe(at);
}
