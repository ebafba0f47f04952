import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportChangedError, ExportReads } from "../../engine/exportReads.ts";
import { cypher } from "../../neo4j/queries.ts";
import { exportRegister, targetOf } from "../../register/export.ts";
import {
  datasetDir,
  graphState,
  load,
  query,
  runCommand,
  SAMPLE_DIR,
  testDriver,
} from "../helpers/database.ts";

/**
 * `npm run export`: the loaded dataset out as CSV files (English or Japanese headers) or a
 * workbook, and the export loaded back with `npm run ingest -- … --replace`, gives the same graph:
 * every label and relationship type counted, every organisation, contract, incident and report
 * with all its properties (the dataset's stamp aside).
 */

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/** Everything a load leaves but its stamp: counts of every label and type, and every element's properties. */
async function snapshot() {
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

async function loadedAt(): Promise<string> {
  const [row] = await query<{ at: string }>(driver, "MATCH (d:Dataset) RETURN d.loadedAt AS at");
  return row?.at ?? "";
}

/** The dataset of this file: every kind of value a register holds, and its edge cases. */
const EDGES = datasetDir({
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

const outDir = () => mkdtempSync(join(tmpdir(), "keiro-export-"));

/**
 * Export → ingest --replace → the same graph, for a target and a language: through the commands
 * as an analyst runs them, or (to keep the suite's time) through the same functions in this process.
 */
async function roundTrip(dataset: string, target: string, lang: "ja" | "en", how: "commands" | "functions") {
  await load(driver, dataset);
  const before = await snapshot();
  const at = await loadedAt();
  if (how === "functions") {
    const reads = new ExportReads(driver, 120_000);
    await exportRegister(
      targetOf(target),
      {
        organisations: reads.rows("organisations"),
        contracts: reads.rows("contracts"),
        incidents: reads.rows("incidents"),
        exposures: reads.rows("exposures"),
      },
      { lang },
    );
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
  expect(await snapshot()).toEqual(before);
  expect(await loadedAt()).not.toBe(at);
}

const CASES = [
  ["CSV files, English headers", "en", ""],
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
      await roundTrip(EDGES, join(outDir(), file), lang, "functions");
    },
    240_000,
  );
});

describe("what the export writes", () => {
  it("writes Japanese headers and words, the stored values as typed, a byte order mark", async () => {
    await load(driver, EDGES);
    const dir = outDir();
    expect(runCommand("bin/export.ts", [dir]).status).toBe(0);
    const text = (file: string) => readFileSync(join(dir, file), "utf8");
    expect(text("organisations.csv")).toBe(
      [
        "\uFEFF組織ID,名称,英語名,種別,業種,地域,出典",
        "bank,銀行A,,銀行,銀行,,",
        "center,共同センター,,共同事務センター,,,",
        'city,テスト市,"Test City, ""the"" city",市区町村,"local government\nof two lines",Kanagawa,"=HYPERLINK(""x"")"',
        "lonely,孤立した組織,Lonely,その他,,,no contract at all",
        "printer,印刷会社,Printer,印刷・発送業者,,,",
        "shop,封入店,,hospital,,,",
        "",
      ].join("\n"),
    );
    expect(text("outsourcing.csv")).toBe(
      [
        "\uFEFF委託ID,委託元,委託先,委託業務,件数,人数,項目,開始日,終了日,削除期限,再委託範囲,確度,出典",
        "c1,city,center,notices,1200,1000,name;address,2021-04,,2024-03-31,,,",
        "c2,center,printer,printing,0,,name,2021,2023,2023-12,c1,未確認,",
        "c3,printer,shop,enclosing,,,,,,,c2;c4,未確認,",
        "c4,bank,printer,statements,500,,,2020-01-15,,,,,",
        "",
      ].join("\n"),
    );
    expect(text("exposures.csv").split("\n").slice(1)).toEqual([
      "inc,bank,,,,,否定,,,",
      "inc,city,1200,,1500,name,可能性あり,2024-06-10,2024-06-05,",
      "inc,city,1100,,,name,確定,2024-07,2024-06-05,",
      "",
    ]);
  });

  it("refuses to replace files unless --force, a folder given as a file, and an empty graph", async () => {
    await load(driver, EDGES);
    const dir = outDir();
    expect(runCommand("bin/export.ts", [dir, "--lang", "en"]).status).toBe(0);
    const files = ["organisations.csv", "outsourcing.csv", "incidents.csv", "exposures.csv"].map((f) =>
      join(dir, f),
    );
    expect(runCommand("bin/export.ts", [dir])).toMatchObject({
      status: 1,
      stderr: `${files.join(", ")} exist; nothing was written (--force replaces them)\n`,
    });
    expect(readFileSync(files[0] as string, "utf8").startsWith("\uFEFFid,name,")).toBe(true);
    expect(runCommand("bin/export.ts", [dir, "--force"]).status).toBe(0);
    expect(readFileSync(files[0] as string, "utf8").startsWith("\uFEFF組織ID,名称,")).toBe(true);
    expect(runCommand("bin/export.ts", [files[0] as string])).toMatchObject({
      status: 1,
      stderr: `${files[0]} is a file, not a folder (a workbook's name ends in .xlsx); nothing was written\n`,
    });
    await query(driver, "MATCH (n) DETACH DELETE n");
    const empty = join(outDir(), "empty.xlsx");
    const refused = runCommand("bin/export.ts", [empty]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+ holds no dataset; nothing to export\.\n$/);
    expect(existsSync(empty)).toBe(false);
  });
});

describe("the export reads one load, in batches", () => {
  it("refuses to go on when another load swapped in between two batches", async () => {
    await load(driver, EDGES);
    const reads = new ExportReads(driver, 60_000, 2);
    await reads.dataset();
    const rows = reads.rows("organisations")[Symbol.asyncIterator]();
    expect((await rows.next()).value).toMatchObject({ id: "bank", kind: "bank", name: "銀行A" });
    expect((await rows.next()).value).toMatchObject({ id: "center" });
    await load(driver, EDGES);
    await expect(rows.next()).rejects.toThrow(ExportChangedError);
  });

  it.each(["organisations", "contracts", "incidents", "exposures"])(
    "%s: each batch is an index seek in key order (no sort of what came before)",
    async (table) => {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(`EXPLAIN ${cypher(`export/${table}`)}`, {
          after: "",
          batch: neo4j.int(10),
        });
        const operators: string[] = [];
        const walk = (plan: { operatorType: string; children: unknown[] }) => {
          operators.push(plan.operatorType.replace(/@.*$/, ""));
          for (const child of plan.children) walk(child as typeof plan);
        };
        walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
        expect(operators.some((op) => /IndexSeekByRange$/.test(op))).toBe(true);
        expect(operators.filter((op) => /Sort|Top/.test(op))).toEqual([]);
      } finally {
        await session.close();
      }
    },
  );
});
