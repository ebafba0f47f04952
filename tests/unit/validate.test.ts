import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatProblem, readRows, validateDataset } from "../../ingest/dataset.ts";
import { datasetDir } from "../helpers/database.ts";

const ORGS =
  "id,name,name_en,kind\nisetoh,株式会社イセトー,Isetoh,print_mail_vendor\ntsb,東海信金ビジネス,,shared_service\n";
const CONTRACTS = "id,consignor,contractor,records\nc1,tsb,isetoh,0\n";

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const dir = datasetDir(files);
  const dataset = await validateDataset(dir);
  return dataset.problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }));
}

async function rowsOf(files: Record<string, string | Buffer>, table: string) {
  const dir = datasetDir(files);
  const dataset = await validateDataset(dir);
  expect(dataset.problems).toEqual([]);
  const file = dataset.files.find((f) => f.spec.name === table);
  if (!file) throw new Error(`no ${table}`);
  const rows = [];
  for await (const row of readRows(file)) rows.push(row.params);
  return { rows, dataset };
}

function namesOf(rows: Record<string, unknown>[]): string[] {
  return rows.map((row) => (row.props as { name: string }).name);
}

describe("dataset validation", () => {
  it("reports every problem of a broken dataset as file:line: message", async () => {
    const problems = await problemsOf({
      "organisations.csv":
        "id,name,kind,extra\nisetoh,イセトー,print_mail_vendor,x\nbad id,Bad,company,\nisetoh,Dup,company,\ntsb,,Shared,\nshort,Only\n",
      "outsourcing.csv":
        'id,consignor,contractor,records,since,delete_by\nc1,tsb,isetoh,"1,035,603",2024-02,2024-02-30\nc2,nobody,isetoh,1.5,,\nc1,tsb,isetoh,,,\n',
      "exposures.csv": "incident,organisation,status\nx-2024,isetoh,leaked\n",
    });
    expect(problems).toEqual([
      'organisations.csv:3: id: "bad id" is not a valid id (1–128 characters of A-Z a-z 0-9 . _ : -)',
      'organisations.csv:4: duplicate id "isetoh" (first on line 2)',
      "organisations.csv:5: name: missing value",
      'organisations.csv:5: kind: "Shared" is neither a lowercase token nor a kind\'s Japanese word (docs/data-format.md)',
      "organisations.csv:6: expected 4 fields, found 2",
      'outsourcing.csv:2: delete_by: "2024-02-30" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)',
      'outsourcing.csv:3: records: "1.5" is not a whole number ≥ 0',
      'outsourcing.csv:3: consignor: "nobody" is not an id in organisations.csv',
      'outsourcing.csv:4: duplicate id "c1" (first on line 2)',
      'exposures.csv:2: status: "leaked" is not one of confirmed (確定), possible (可能性あり), ruled_out (否定)',
      'exposures.csv:2: incident: "x-2024" is not an id in incidents.csv',
    ]);
  });

  it("takes learned_on as a full day only: the day an organisation was told its data may have leaked", async () => {
    const problems = await problemsOf({
      "organisations.csv": ORGS,
      "outsourcing.csv": "id,consignor,contractor\nc1,tsb,isetoh\n",
      "incidents.csv": "id,victim,discovered\ni1,isetoh,2024-05\n",
      "exposures.csv":
        "incident,organisation,learned_on,reported_on\ni1,tsb,2024-06,2024-07-01\ni1,isetoh,2024-06-31,2024-07-02\ni1,tsb,2024-06-06,2024-07-03\n",
    });
    expect(problems).toEqual([
      'exposures.csv:2: learned_on: "2024-06" is not a full date (YYYY-MM-DD)',
      'exposures.csv:3: learned_on: "2024-06-31" is not a full date (YYYY-MM-DD)',
    ]);
  });

  it("refuses a carries that names no contract, or a contract that does not bring data to the consignor", async () => {
    const problems = await problemsOf({
      "organisations.csv": `${ORGS}city,市,City,municipality\nshop,封入業者,,print_mail_vendor\n`,
      "outsourcing.csv": [
        "id,consignor,contractor,carries",
        "c-sub,isetoh,shop,c-city;c-missing;c-tsb",
        "c-city,city,isetoh,",
        "c-tsb,tsb,city,",
        "c-bad,isetoh,shop,bad id",
        "",
      ].join("\n"),
    });
    expect(problems).toEqual([
      'outsourcing.csv:5: carries: "bad id" is not a valid id (1–128 characters of A-Z a-z 0-9 . _ : -)',
      'outsourcing.csv:2: carries: "c-missing" is not a contract in outsourcing.csv',
      'outsourcing.csv:2: carries: contract "c-tsb" goes to "city", not to this contract\'s consignor "isetoh"',
    ]);
  });

  it("stores a carries list as given (a contract named further down the file is fine), and none when empty", async () => {
    const { rows } = await rowsOf(
      {
        "organisations.csv": `${ORGS}city,市,City,municipality\nshop,封入業者,,print_mail_vendor\n`,
        "outsourcing.csv":
          "id,consignor,contractor,carries\nc-sub,isetoh,shop,c-city ; c-city2\nc-city,city,isetoh,\nc-city2,city,isetoh,\n",
      },
      "contracts",
    );
    expect(rows.map((row) => (row.props as { carries: string[] | null }).carries)).toEqual([
      ["c-city", "c-city2"],
      null,
      null,
    ]);
  });

  it("names missing files and missing required columns", async () => {
    expect(await problemsOf({ "organisations.csv": "id,label\nx,y\n" })).toEqual([
      'organisations.csv:1: missing required column "name" (名称)',
      "outsourcing.csv:0: file not found (it is required)",
    ]);
    expect(await problemsOf({ "organisations.csv": ORGS, "outsourcing.csv": "id,from,to\n" })).toEqual([
      'outsourcing.csv:1: missing required columns "consignor" (委託元), "contractor" (委託先)',
    ]);
  });

  it("reports an empty file, broken quoting, unknown references and a duplicated exposure", async () => {
    expect(
      await problemsOf({
        "organisations.csv": "",
        "outsourcing.csv": 'id,consignor,contractor,service\nc1,a,b,"unclosed\nc2,a,b,x\n',
        "incidents.csv": "id,victim\ni1,a\n",
        "exposures.csv": "incident,organisation,reported_on\ni1,a,2024-07\ni1,a,2024-07\n",
      }),
    ).toEqual([
      "organisations.csv:1: empty file: expected a header row in organisations.csv",
      "outsourcing.csv:3: not readable as CSV (CSV_QUOTE_NOT_CLOSED: Quote Not Closed: the parsing is finished with an opening quote at line 3)",
      'incidents.csv:2: victim: "a" is not an id in organisations.csv',
      'exposures.csv:2: organisation: "a" is not an id in organisations.csv',
      'exposures.csv:3: duplicate exposure (incident, organisation, reported_on) "i1|a|2024-07" (first on line 2)',
      'exposures.csv:3: organisation: "a" is not an id in organisations.csv',
    ]);
  });

  it("reads columns in any order, ignores extra ones and compares names without case", async () => {
    const { rows } = await rowsOf(
      {
        "organisations.csv": "Source,KIND,Name,ID,notes\nseed,bank,銀行,b1,ignored\n",
        "outsourcing.csv": "contractor,consignor,id\nb1,b1,c1\n",
      },
      "organisations",
    );
    expect(rows).toEqual([
      {
        id: "b1",
        props: { name: "銀行", nameEn: null, kind: "bank", sector: null, region: null, source: "seed" },
      },
    ]);
  });

  it("keeps counts, categories and partial dates as the graph stores them", async () => {
    const { rows } = await rowsOf(
      {
        "organisations.csv": ORGS,
        "outsourcing.csv":
          'id,consignor,contractor,records,subjects,data_categories,since,until,delete_by\nc1,tsb,isetoh,"1,035,603",,name; address;,2021-11,2024,2024-02\n',
      },
      "contracts",
    );
    expect(rows[0]).toEqual({
      id: "c1",
      consignor: "tsb",
      contractor: "isetoh",
      props: {
        service: null,
        records: 1035603,
        subjects: null,
        dataCategories: ["name", "address"],
        since: "2021-11",
        sinceStart: "2021-11-01",
        until: "2024",
        untilEnd: "2024-12-31",
        deleteBy: "2024-02",
        deleteByEnd: "2024-02-29",
        carries: null,
        confidence: null,
        source: null,
      },
    });
  });

  it("reads UTF-8 with a BOM", async () => {
    const { rows } = await rowsOf(
      { "organisations.csv": `\uFEFF${ORGS}`, "outsourcing.csv": CONTRACTS },
      "organisations",
    );
    expect(rows.map((r) => r.id)).toEqual(["isetoh", "tsb"]);
    expect(namesOf(rows)[0]).toBe("株式会社イセトー");
  });

  it("detects Shift_JIS (CP932) files from Excel by itself", async () => {
    const { rows, dataset } = await rowsOf(
      {
        "organisations.csv": iconv.encode(ORGS.replaceAll("\n", "\r\n"), "cp932"),
        "outsourcing.csv": CONTRACTS,
      },
      "organisations",
    );
    expect(dataset.files.map((f) => f.facts.encoding)).toEqual(["cp932", "utf-8"]);
    expect(namesOf(rows)).toEqual(["株式会社イセトー", "東海信金ビジネス"]);
  });

  it("detects CP932 even when the first Japanese text comes late in the file", async () => {
    const ascii = Array.from({ length: 5000 }, (_, i) => `o${i},Organisation ${i},,company`).join("\r\n");
    const text = `id,name,name_en,kind\r\n${ascii}\r\nlate,静清信用金庫,,shinkin_bank\r\n`;
    const { rows } = await rowsOf(
      { "organisations.csv": iconv.encode(text, "cp932"), "outsourcing.csv": "id,consignor,contractor\n" },
      "organisations",
    );
    expect(namesOf(rows).at(-1)).toBe("静清信用金庫");
  });

  it("counts the rows and fingerprints the files", async () => {
    const dir = datasetDir({ "organisations.csv": ORGS, "outsourcing.csv": CONTRACTS });
    const first = await validateDataset(dir);
    const again = await validateDataset(
      datasetDir({ "organisations.csv": ORGS, "outsourcing.csv": CONTRACTS }),
    );
    expect(first.rows).toEqual({ organisations: 2, contracts: 1, incidents: 0, exposures: 0 });
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(again.fingerprint).toBe(first.fingerprint);
  });
});
