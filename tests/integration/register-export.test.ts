import { readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportChangedError, ExportReads } from "../../engine/exportReads.ts";
import { cypher } from "../../neo4j/queries.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";
import { edgeCases, exportLoaded, outDir, roundTrip } from "../helpers/registerExport.ts";

/**
 * `npm run export` on every Neo4j version: what depends on the server is the rows the export
 * reads (Cypher), so each dataset makes one round trip (export → ingest --replace gives the same
 * graph), the files written are compared byte for byte, and the reads' batches and plans are
 * checked. The other formats and languages (the same rows written differently) and the command's
 * refusals run on the first version only: tests/register/export-formats.test.ts.
 */

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

const EDGES = edgeCases();

describe("export → ingest --replace gives the same graph", () => {
  it("the Isetoh sample as CSV files, English headers", async () => {
    await roundTrip(driver, SAMPLE_DIR, outDir(), "en", "functions");
  }, 240_000);

  it("edge cases (confidence, carries, periods, revisions, no contract) as CSV files, English headers", async () => {
    await roundTrip(driver, EDGES, outDir(), "en", "functions");
  }, 240_000);
});

describe("what the export writes", () => {
  it("writes Japanese headers and words, the stored values as typed, a byte order mark", async () => {
    await load(driver, EDGES);
    const dir = outDir();
    await exportLoaded(driver, dir, "ja");
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
