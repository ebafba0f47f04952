import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  CONFIDENCE_WORDS,
  columnOf,
  KIND_WORDS,
  REGISTER_TABLES,
  STATUS_WORDS,
  tokenOf,
} from "../../domain/index.ts";
import { formatProblem, readRows, type ValidatedDataset, validateDataset } from "../../ingest/dataset.ts";
import { validateWorkbook } from "../../ingest/workbook/index.ts";
import { datasetDir, SAMPLE_DIR } from "../helpers/database.ts";
import { japaneseFolder, type SheetSpec, sheetsOfFolder, writeWorkbook } from "../helpers/workbooks.ts";

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "keiro-workbook-test-"));
  disposers.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

/** Writes the sheets to a workbook and validates it: its problems as the command prints them. */
async function checkWorkbook(sheets: SheetSpec[], name = "register.xlsx") {
  const path = join(scratch(), name);
  await writeWorkbook(path, sheets);
  const { dataset, dispose } = await validateWorkbook(path);
  disposers.push(dispose);
  return { path, dataset, problems: dataset.problems.map((p) => formatProblem(p).replace(`${path}`, name)) };
}

/** Every row each file holds, as the loader would send it. */
async function rowsOf(dataset: ValidatedDataset) {
  const out: Record<string, unknown[]> = {};
  for (const file of dataset.files) {
    const rows: unknown[] = [];
    for await (const row of readRows(file)) rows.push(row.params);
    out[file.spec.name] = rows;
  }
  return out;
}

const ORGANISATIONS: SheetSpec = {
  name: "組織",
  rows: [
    ["組織ID", "名称", "種別"],
    ["city", "A市", "市区町村"],
    ["printer", "B印刷", "印刷・発送業者"],
  ],
};

describe("the register's headers and words", () => {
  it("reads every header in English or Japanese, without case, width or spaces", () => {
    let checked = 0;
    for (const table of REGISTER_TABLES) {
      for (const [column, japanese] of Object.entries(table.columns)) {
        expect([column, column.toUpperCase(), ` ${column} `].map((h) => columnOf(table.name, h))).toEqual([
          column,
          column,
          column,
        ]);
        const wide = japanese.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(
          [japanese, wide, `${japanese.slice(0, 1)} ${japanese.slice(1)}`].map((h) =>
            columnOf(table.name, h),
          ),
        ).toEqual([column, column, column]);
        checked += 1;
      }
    }
    expect(checked).toBe(7 + 13 + 7 + 10);
    expect(columnOf("organisations", "委託元")).toBeUndefined();
  });

  it("reads every kind, status and confidence word as its token", () => {
    for (const [list, words] of [
      ["kind", KIND_WORDS],
      ["status", STATUS_WORDS],
      ["confidence", CONFIDENCE_WORDS],
    ] as const) {
      for (const [token, word] of Object.entries(words)) {
        expect([
          tokenOf(list, word),
          tokenOf(list, token),
          tokenOf(list, ` ${word.split("").join(" ")} `),
        ]).toEqual([token, token, token]);
      }
    }
    expect(tokenOf("kind", "病院")).toBe("病院");
    expect(tokenOf("status", "未確認")).toBe("未確認");
  });
});

describe("a register as a workbook", () => {
  it("reads the sample in Japanese (sheets, headers, words) and in English as the English CSV files", async () => {
    const csv = await rowsOf(await validateDataset(SAMPLE_DIR));
    for (const lang of ["ja", "en"] as const) {
      const { dataset, problems } = await checkWorkbook(
        sheetsOfFolder(SAMPLE_DIR, lang),
        `sample-${lang}.xlsx`,
      );
      expect(problems).toEqual([]);
      expect(dataset.rows).toEqual({ organisations: 47, contracts: 41, incidents: 3, exposures: 43 });
      expect(dataset.name).toBe(`sample-${lang}.xlsx`);
      expect(await rowsOf(dataset)).toEqual(csv);
    }
  });

  it("reads CSV files with Japanese headers, in CP932 as Excel saves them or UTF-8, as the English ones", async () => {
    const csv = await rowsOf(await validateDataset(SAMPLE_DIR));
    // CP932 has no "〜" (U+301C) or "−" (U+2212): Excel saves them as "～" and "－", as the helper does.
    const inCp932 = JSON.parse(
      JSON.stringify(csv).replaceAll("\u301c", "\uff5e").replaceAll("\u2212", "\uff0d"),
    );
    for (const [encoding, expected] of [
      ["cp932", inCp932],
      ["utf-8", csv],
    ] as const) {
      const dataset = await validateDataset(datasetDir(japaneseFolder(SAMPLE_DIR, encoding)));
      expect(dataset.problems).toEqual([]);
      expect(dataset.files.map((f) => f.facts.encoding)).toEqual([encoding, encoding, encoding, encoding]);
      expect(await rowsOf(dataset)).toEqual(expected);
    }
  });

  it("reads each cell as DOMAIN.md says: a date cell is a day, a period is text, a formula its saved value", async () => {
    const { dataset, problems } = await checkWorkbook([
      ORGANISATIONS,
      {
        name: "outsourcing",
        textColumns: ["H"],
        rows: [
          [
            "ID",
            "Consignor",
            "委託先",
            "records",
            "人数",
            "項目",
            "開始日",
            "until",
            "削除期限",
            "確度",
            "source",
          ],
          [
            "k1",
            "city",
            "printer",
            1035603,
            { formula: "2*3", result: 6 },
            "name; address",
            new Date("2021-11-01T00:00:00Z"),
            "2024",
            "2024-02",
            "未確認",
            { richText: [{ text: "https://" }, { text: "example.org/a" }] },
          ],
          ["k2", "city", "printer", "1,035,603", null, null, "2021-11", null, null, "possible", null],
          [null, null, null, null, null, null, null, null, null, null, null],
          ["k3", "city", "printer", null, null, null, null, null, null, "確認済み", null],
        ],
      },
    ]);
    expect(problems).toEqual([]);
    const rows = (await rowsOf(dataset)).contracts as { id: string; props: Record<string, unknown> }[];
    expect(rows.map((r) => [r.id, r.props.records, r.props.subjects, r.props.since, r.props.until])).toEqual([
      ["k1", 1035603, 6, "2021-11-01", "2024"],
      ["k2", 1035603, null, "2021-11", null],
      ["k3", null, null, null, null],
    ]);
    expect(rows.map((r) => r.props.confidence)).toEqual(["possible", "possible", null]);
    expect(rows[0]?.props.dataCategories).toEqual(["name", "address"]);
    expect(rows[0]?.props.deleteByEnd).toBe("2024-02-29");
    expect(rows[0]?.props.source).toBe("https://example.org/a");
  });

  it("refuses what a workbook cannot say plainly, each as FILE.xlsx!SHEET:ROW", async () => {
    const { problems, dataset } = await checkWorkbook([
      {
        ...ORGANISATIONS,
        rows: [...ORGANISATIONS.rows, ["clinic", "C", "病院"], ["bank", "D", "IT ベンダー"]],
      },
      {
        name: "委託",
        rows: [
          ["委託ID", "委託元", "委託先", "件数", "開始日", "確度"],
          ["k1", "city", "printer", 12, 2024, "未確認"],
          ["k2", "city", "nobody", { formula: "1+1" }, "2024-05", "たぶん"],
          ["k3", "city", "printer", new Date("2024-05-01T00:00:00Z"), new Date("2024-05-01T00:00:00Z"), null],
          ["k4", "city", "printer", { error: "#N/A" }, null, null],
          ["k5", "city", "printer", 5, null, null],
        ],
        merges: ["B5:B6"],
      },
      { name: "メモ", rows: [["ここは読まない"], [2024]] },
    ]);
    expect(problems).toEqual([
      'register.xlsx!組織:4: 種別: "病院" is neither a lowercase token nor a kind\'s Japanese word (docs/data-format.md)',
      "register.xlsx!委託:2: 開始日: 2024 is a number in a date column: type a period (2024-05, 2024) as text (start it with ') or a day as a date",
      "register.xlsx!委託:3: 件数: a formula with no saved value: open the workbook in Excel or LibreOffice, let it calculate and save it, or type the value",
      'register.xlsx!委託:3: 確度: "たぶん" is not one of confirmed (確認済み), possible (未確認)',
      'register.xlsx!委託:3: 委託先: "nobody" is not an id in sheet "組織"',
      "register.xlsx!委託:4: 件数: a date (2024-05-01) in a count column: type the count as a number",
      "register.xlsx!委託:5: merged cells B5:B6: unmerge them and type the value in every row",
      "register.xlsx!委託:5: 件数: the cell holds the error #N/A",
      "register.xlsx!委託:6: 委託元: missing value",
    ]);
    expect(dataset.problemCount).toBe(9);
  });

  it("names a missing or doubled table sheet, and ignores other sheets", async () => {
    expect((await checkWorkbook([{ name: "Sheet1", rows: [["id"]] }])).problems).toEqual([
      'register.xlsx:0: no sheet named "organisations" or "組織" (it is required)',
      'register.xlsx:0: no sheet named "outsourcing" or "委託" (it is required)',
    ]);
    const doubled = await checkWorkbook([
      ORGANISATIONS,
      { ...ORGANISATIONS, name: "Organisations" },
      { name: "委託", rows: [["委託ID", "委託元", "委託先"]] },
    ]);
    expect(doubled.problems).toEqual([
      'register.xlsx:0: sheets "組織" and "Organisations" both hold organisations: keep one',
    ]);
    const header = await checkWorkbook([
      ORGANISATIONS,
      { name: "委託", rows: [["委託ID", "委託元", "相手先"]] },
    ]);
    expect(header.problems).toEqual(['register.xlsx!委託:1: missing required column "contractor" (委託先)']);
  });

  it("counts every problem of a 10,000-row sheet and lists the first 1,000", async () => {
    const rows: unknown[][] = [["委託ID", "委託元", "委託先", "開始日"]];
    for (let i = 0; i < 10_000; i += 1) rows.push([`k${i}`, "city", "printer", 2020]);
    const { dataset, problems } = await checkWorkbook([ORGANISATIONS, { name: "委託", rows: rows as never }]);
    expect(dataset.problemCount).toBe(10_000);
    expect(problems).toHaveLength(1000);
    expect(problems[999]).toBe(
      "register.xlsx!委託:1001: 開始日: 2020 is a number in a date column: type a period (2024-05, 2024) as text (start it with ') or a day as a date",
    );
  });

  it("refuses a file that is not a workbook, naming it", async () => {
    const path = join(datasetDir({ "register.xlsx": "id,name\n" }), "register.xlsx");
    const { dataset, dispose } = await validateWorkbook(path);
    disposers.push(dispose);
    expect(dataset.problemCount).toBe(1);
    expect(formatProblem(dataset.problems[0] as never)).toMatch(
      new RegExp(`^${path}:0: not a readable \\.xlsx workbook \\(.+\\)$`),
    );
  });
});
