import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { validateSource } from "../../ingest/workbook/index.ts";
import { fill } from "../../locale/index.ts";
import { REGISTER_WORDS } from "../../locale/register.ts";
import { RegisterCellError } from "../../register/cells.ts";
import { writeTemplate } from "../../register/template.ts";
import { writeRegisterWorkbook } from "../../register/workbookWriter.ts";
import { runCommand, startCommand } from "../helpers/database.ts";

/**
 * `npm run template`: the workbook's sheets, headers, notes, lists and text-formatted date
 * columns, read from the file's own XML (what Excel reads); LibreOffice opening it; and its worked
 * example, pasted under the headers of the sheets, checked by the loader as it stands.
 */

const HEADERS_JA = {
  組織: ["組織ID", "名称", "英語名", "種別", "業種", "地域", "出典"],
  委託: [
    ...["委託ID", "委託元", "委託先", "委託業務", "件数", "人数", "項目"],
    ...["開始日", "終了日", "削除期限", "再委託範囲", "確度", "出典"],
  ],
  事案: ["事案ID", "被害組織", "種類", "発覚日", "公表日", "攻撃者", "出典"],
  漏えい: ["事案ID", "組織ID", "件数", "人数", "延べ件数", "項目", "状況", "報告日", "把握日", "出典"],
};
const HEADERS_EN = {
  organisations: ["id", "name", "name_en", "kind", "sector", "region", "source"],
  outsourcing: [
    ...["id", "consignor", "contractor", "service", "records", "subjects", "data_categories"],
    ...["since", "until", "delete_by", "carries", "confidence", "source"],
  ],
  incidents: ["id", "victim", "kind", "discovered", "disclosed", "actor", "source"],
  exposures: [
    ...["incident", "organisation", "records", "subjects", "gross_records", "data_categories"],
    ...["status", "reported_on", "learned_on", "source"],
  ],
};
const KINDS_JA =
  "都道府県,市区町村,銀行,信用金庫,保険会社,健康保険組合,企業,共同事務センター,印刷・発送業者,ITベンダー,物流業者,教育機関,団体,複数組織の集計,その他";
const KINDS_EN =
  "prefecture,municipality,bank,shinkin_bank,insurer,health_insurance_society,company,shared_service,print_mail_vendor,it_vendor,logistics_vendor,education,association,aggregate,other";

type Files = Record<string, Uint8Array>;
const decode = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? e,
  );

/** The workbook's sheets in order: name, path of the sheet's XML and of its notes' XML. */
function sheetsOf(files: Files) {
  const text = (path: string) => strFromU8(files[path] as Uint8Array);
  const rels = new Map(
    [...text("xl/_rels/workbook.xml.rels").matchAll(/Id="(\w+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  return [...text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="(\w+)"/g)].map((m) => {
    const path = `xl/${rels.get(m[2] as string)}`.replace("xl//xl/", "xl/");
    const sheetRels = files[path.replace("worksheets/", "worksheets/_rels/").concat(".rels")];
    const comments = sheetRels && /Target="\.\.\/(comments\d+\.xml)"/.exec(strFromU8(sheetRels))?.[1];
    return {
      name: decode(m[1] as string),
      xml: text(path),
      path,
      notes: comments ? text(`xl/${comments}`) : "",
    };
  });
}

/** A sheet's rows: each cell's column, value, type and number format (49 is text, "@"). */
function rowsOf(xml: string, numFmtOf: (style: number) => number) {
  return [...xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].map((row) =>
    [...(row[2] as string).matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(?:<v>(.*?)<\/v>)?<\/c>)/g)].map(
      (c) => ({
        column: c[1] as string,
        value: c[3] === undefined ? null : decode(c[3]),
        type: /t="(\w+)"/.exec(c[2] as string)?.[1] ?? "n",
        format: numFmtOf(Number(/s="(\d+)"/.exec(c[2] as string)?.[1] ?? 0)),
      }),
    ),
  );
}

function workbook(path: string) {
  const files = unzipSync(readFileSync(path));
  const styles = strFromU8(files["xl/styles.xml"] as Uint8Array);
  const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/numFmtId="(\d+)"/g)];
  const numFmtOf = (style: number) => Number(xfs[style]?.[1] ?? 0);
  const sheets = sheetsOf(files).map((sheet) => ({
    ...sheet,
    rows: rowsOf(sheet.xml, numFmtOf),
    notes: [...sheet.notes.matchAll(/<comment ref="([A-Z]+)1"[^>]*>.*?<t(?: [^>]*)?>(.*?)<\/t>/g)].map((m) =>
      decode(m[2] as string),
    ),
    lists: [
      ...sheet.xml.matchAll(
        /<dataValidation [^>]*errorStyle="(\w+)"[^>]*sqref="([^"]+)"><formula1>(.*?)<\/formula1>/g,
      ),
    ].map((m) => ({ range: m[2], errorStyle: m[1], choices: decode(m[3] as string) })),
    textColumns: [...sheet.xml.matchAll(/<col min="(\d+)" max="(\d+)"[^>]*style="(\d+)"/g)]
      .filter((m) => numFmtOf(Number(m[3])) === 49)
      .map((m) => `${m[1]}-${m[2]}`),
  }));
  return { files, sheets };
}

const templatePath = (lang: "ja" | "en") =>
  join(mkdtempSync(join(tmpdir(), "keiro-template-")), `register-${lang}.xlsx`);

/** `npm run template -- FILE --lang L`, as a user runs it. */
function template(lang: "ja" | "en") {
  const file = templatePath(lang);
  const run = runCommand("bin/template.ts", [file, "--lang", lang]);
  return { file, run };
}

/**
 * The same workbook written by the function the command calls, in this process (the suite's
 * time): for the tests of what is in the file, once the command's own runs have been checked.
 */
async function writtenTemplate(lang: "ja" | "en"): Promise<string> {
  const file = templatePath(lang);
  await writeTemplate(file, lang);
  return file;
}

describe("npm run template -- FILE.xlsx --lang ja", () => {
  const { file, run } = template("ja");
  const { sheets } = workbook(file);
  const table = (name: string) => sheets.find((s) => s.name === name) as (typeof sheets)[number];

  it("writes the instructions and the four Japanese sheets, in that order", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the empty register ${file} (ja; sheets 説明, 組織, 委託, 事案, 漏えい). Fill it in, then check it with: npm run ingest -- ${file} --dry-run\n`,
    );
    expect(sheets.map((s) => s.name)).toEqual(["説明", "組織", "委託", "事案", "漏えい"]);
  });

  it("gives each sheet exactly DOMAIN.md's Japanese headers, in order, and no rows", () => {
    for (const [name, headers] of Object.entries(HEADERS_JA)) {
      expect(table(name).rows.map((row) => row.map((c) => c.value))).toEqual([headers]);
    }
  });

  it("puts a note on every header saying what its column holds", () => {
    expect(table("委託").notes).toHaveLength(13);
    expect(table("委託").notes[4]).toBe(
      "件数: 委託元が自ら管理し、この委託で渡す件数（0以上の整数）。ほかの組織のデータを渡すだけの再委託は 0。空欄は非公表（不明）で、0 ではありません。",
    );
    for (const name of Object.keys(HEADERS_JA))
      expect(table(name).notes).toHaveLength(HEADERS_JA[name as keyof typeof HEADERS_JA].length);
  });

  it("offers kind, confidence and status as drop-down lists of the Japanese words", () => {
    expect(table("組織").lists).toEqual([
      { range: "D2:D1048576", errorStyle: "warning", choices: `"${KINDS_JA}"` },
    ]);
    expect(table("委託").lists).toEqual([
      { range: "L2:L1048576", errorStyle: "stop", choices: '"確認済み,未確認"' },
    ]);
    expect(table("事案").lists).toEqual([]);
    expect(table("漏えい").lists).toEqual([
      { range: "G2:G1048576", errorStyle: "stop", choices: '"確定,可能性あり,否定"' },
    ]);
  });

  it("formats the date columns as text (so 2024-05 stays a period), and no other column", () => {
    expect(table("組織").textColumns).toEqual([]);
    expect(table("委託").textColumns).toEqual(["8-10"]); // 開始日, 終了日, 削除期限
    expect(table("事案").textColumns).toEqual(["4-5"]); // 発覚日, 公表日
    expect(table("漏えい").textColumns).toEqual(["8-9"]); // 報告日, 把握日
  });

  it("refuses to replace a file unless --force, and refuses a name that is not a workbook or a language it lacks", async () => {
    // The runs on `file` one after the other; the two refused names beside them.
    const [[exists, forced], csv, french] = await Promise.all([
      startCommand("bin/template.ts", [file]).then(async (refused) => [
        refused,
        await startCommand("bin/template.ts", [file, "--force", "--lang", "en"]),
      ]),
      startCommand("bin/template.ts", ["register.csv"]),
      startCommand("bin/template.ts", ["x.xlsx", "--lang", "fr"]),
    ]);
    expect(exists).toMatchObject({
      status: 1,
      stderr: `${file} exists; nothing was written (--force replaces it)\n`,
    });
    expect(forced?.status).toBe(0);
    expect(workbook(file).sheets.map((s) => s.name)[0]).toBe("instructions");
    expect(csv).toMatchObject({
      status: 1,
      stderr: "register.csv: a template is an Excel workbook; give a name ending in .xlsx\n",
    });
    expect(french).toMatchObject({
      status: 1,
      stderr: 'lang: "fr" is not one of ja, en\n',
    });
  });
});

describe("the template in English (--lang en: the command's run is above, with --force)", () => {
  let sheets: ReturnType<typeof workbook>["sheets"] = [];
  beforeAll(async () => {
    sheets = workbook(await writtenTemplate("en")).sheets;
  });

  it("writes the English sheets and headers, and the tokens in the lists", () => {
    expect(sheets.map((s) => s.name)).toEqual(["instructions", ...Object.keys(HEADERS_EN)]);
    for (const [name, headers] of Object.entries(HEADERS_EN))
      expect(sheets.find((s) => s.name === name)?.rows.map((row) => row.map((c) => c.value))).toEqual([
        headers,
      ]);
    expect(sheets.flatMap((s) => s.lists.map((l) => `${s.name}!${l.range} ${l.choices}`))).toEqual([
      `organisations!D2:D1048576 "${KINDS_EN}"`,
      'outsourcing!L2:L1048576 "confirmed,possible"',
      'exposures!G2:G1048576 "confirmed,possible,ruled_out"',
    ]);
    expect(sheets[1]?.notes[0]).toBe(REGISTER_WORDS.en.notes.organisations.id);
  });
});

describe("LibreOffice opens what template wrote", () => {
  it("reads every sheet: the headers, and the worked example with its periods as typed", async () => {
    const file = await writtenTemplate("ja");
    const out = mkdtempSync(join(tmpdir(), "keiro-soffice-"));
    // Every sheet to its own UTF-8 CSV file (the last filter token, -1); a profile of its own.
    const result = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${out}/profile`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        out,
        file,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const csv = (sheet: string) =>
      readFileSync(join(out, `register-ja-${sheet}.csv`), "utf8")
        .trimEnd()
        .split("\n");
    expect(
      readdirSync(out)
        .filter((name) => name.endsWith(".csv"))
        .sort(),
    ).toEqual(["事案", "委託", "漏えい", "組織", "説明"].map((sheet) => `register-ja-${sheet}.csv`));
    expect(csv("委託")).toEqual([HEADERS_JA.委託.join(",")]);
    expect(csv("漏えい")).toEqual([HEADERS_JA.漏えい.join(",")]);
    const instructions = csv("説明");
    expect(instructions[0]).toBe("委託先管理台帳（Keiro の読み込み用）,,,,,,,,,,,,");
    expect(instructions.slice(instructions.indexOf("シート「委託」,,,,,,,,,,,,") + 1).slice(0, 4)).toEqual([
      HEADERS_JA.委託.join(","),
      "c-city-center,sakuradai-city,kyodo-jimu-center,住民税の通知書の作成,48000,45000,name;address;tax_amount,2021-04,,2024-03-31,,,委託契約書（2021年4月）",
      "c-center-minato,kyodo-jimu-center,minato-insatsu,通知書の印刷・発送,0,,name;address;tax_amount,2021-06,,2024-03-31,c-city-center,,センターの再委託承認申請",
      "c-minato-aozora,minato-insatsu,aozora-fuunyu,封入・封かん,0,,name;address,2023,2023,2023-12,c-center-minato,未確認,印刷会社の口頭の説明",
    ]);
  }, 120_000);
});

/**
 * The worked example as an analyst copies it: the rows under each header of the instructions
 * sheet, cells with their formats, pasted into the sheet of the same name from row 2.
 */
function pasteExample(file: string, lang: "ja" | "en"): string {
  const { files, sheets } = workbook(file);
  const [instructions, ...tables] = sheets;
  const rows = [...(instructions?.xml ?? "").matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].map((m) => ({
    number: Number(m[1]),
    cells: m[2] as string,
  }));
  for (const table of tables) {
    const heading = fill(REGISTER_WORDS[lang].exampleSheet, { sheet: table.name });
    const title = rows.findIndex((row) => row.cells.includes(`<v>${heading}</v>`));
    expect(title, heading).toBeGreaterThan(0);
    // The rows right under the header, up to the blank row that ends the table.
    const example: string[] = [];
    for (const [index, row] of rows.entries()) {
      if (index < title + 2) continue;
      if (row.number !== (rows[index - 1]?.number ?? 0) + 1) break;
      example.push(row.cells);
    }
    const pasted = example
      .map(
        (row, index) =>
          `<row r="${index + 2}">${row.replace(/ r="([A-Z]+)\d+"/g, ` r="$1${index + 2}"`)}</row>`,
      )
      .join("");
    files[table.path] = strToU8(table.xml.replace("</row></sheetData>", `</row>${pasted}</sheetData>`));
  }
  const pastedFile = file.replace(/\.xlsx$/, "-filled.xlsx");
  writeFileSync(pastedFile, zipSync(files));
  return pastedFile;
}

describe("the worked example, typed into the sheets, loads as it is", () => {
  it.each(["ja", "en"] as const)("%s", async (lang) => {
    const filled = pasteExample(await writtenTemplate(lang), lang);
    const sheets = workbook(filled).sheets.slice(1);
    expect(sheets.map((s) => s.rows.length)).toEqual([5, 4, 2, 2]);
    // The dates stay text cells formatted as text; the counts are number cells.
    expect(sheets[1]?.rows[3]?.map((c) => [c.value, c.type, c.format]).slice(4, 10)).toEqual([
      ["0", "n", 0],
      ["name;address", "str", 0],
      ["2023", "str", 49],
      ["2023", "str", 49],
      ["2023-12", "str", 49],
      ["c-center-minato", "str", 0],
    ]);
    if (lang === "ja") {
      // As an analyst checks it: the command once.
      const check = runCommand("bin/ingest.ts", [filled, "--dry-run"]);
      expect(check.stderr).toBe("");
      expect(check.stdout).toBe(
        `${filled} is valid: 4 organisations, 3 contracts, 1 incidents, 1 exposures (dry run: nothing written).\n`,
      );
      expect(check.status).toBe(0);
    } else {
      // The function `ingest --dry-run` calls, in this process: the same problems and counts.
      const source = await validateSource(filled);
      try {
        expect(source.dataset.problems).toEqual([]);
        expect(source.dataset.problemCount).toBe(0);
        expect(source.dataset.rows).toEqual({ organisations: 4, contracts: 3, incidents: 1, exposures: 1 });
      } finally {
        await source.dispose();
      }
    }
  });
});

describe("the workbook writer (template and export)", () => {
  const path = () => join(mkdtempSync(join(tmpdir(), "keiro-writer-")), "register.xlsx");

  it("writes a count as a number cell unless Excel would lose a digit, a date as a text cell", async () => {
    const file = path();
    const contract = { id: "c", consignor: "a", contractor: "b", since: "2024", records: "1,035,603" };
    await writeRegisterWorkbook(
      file,
      { contracts: [contract, { ...contract, records: "12345678901234567" }] },
      { lang: "en" },
    );
    const cells = workbook(file)
      .sheets[1]?.rows.slice(1)
      .map((row) => row.slice(3).map((c) => [c.value, c.type, c.format]));
    expect(cells).toEqual([
      [
        ["1035603", "n", 0],
        ["2024", "str", 49],
      ],
      [
        ["12345678901234567", "str", 0],
        ["2024", "str", 49],
      ],
    ]);
  });

  it("refuses a cell longer than Excel keeps, by sheet, row and column, and leaves no file", async () => {
    const file = path();
    const rows = {
      organisations: [
        { id: "a", name: "x" },
        { id: "b", name: "x".repeat(32_768) },
      ],
    };
    await expect(writeRegisterWorkbook(file, rows, { lang: "ja" })).rejects.toThrow(
      new RegisterCellError("組織:3: name: 32,768 characters, over Excel's limit of 32,767 a cell"),
    );
    expect(readdirSync(dirname(file))).toEqual([]);
  });
});
