import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DatasetChangedError, formatProblem, readRows, validateDataset } from "../../ingest/dataset.ts";
import { datasetDir } from "../helpers/database.ts";

/** Issue 13, item 9: the loader's limits, UTF-16 files, and the bytes validated being the bytes loaded. */
const ORGS = "id,name\nisetoh,株式会社イセトー\ntsb,東海信金ビジネス\n";
const CONTRACTS = "id,consignor,contractor,records\nc1,tsb,isetoh,100\n";

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const dir = datasetDir(files);
  const dataset = await validateDataset(dir);
  return dataset.problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }));
}

const UTF16_ADVICE =
  'Keiro reads UTF-8 or Shift_JIS. Save it as UTF-8: in Excel "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)", in LibreOffice "Character set: Unicode (UTF-8)", or convert it with `iconv -f UTF-16 -t UTF-8 FILE > NEW`';

describe("record size and field count", () => {
  it("refuses a record longer than 1,048,576 characters, naming its line", async () => {
    const problems = await problemsOf({
      "organisations.csv": `${ORGS}big,${"x".repeat(1_200_000)}\nlast,Last\n`,
      "outsourcing.csv": CONTRACTS,
    });
    expect(problems).toEqual([
      "organisations.csv:4: a record longer than the limit of 1,048,576 characters (is a quote left open?); the rest of the file was not read",
    ]);
  });

  it("says the same of a quote left open that would swallow the rest of the file", async () => {
    const rest = Array.from({ length: 100_000 }, (_, i) => `org-${i},Name ${i}`).join("\n");
    const problems = await problemsOf({
      "organisations.csv": `${ORGS}open,"Unclosed name\n${rest}\n`,
      "outsourcing.csv": CONTRACTS,
    });
    expect(problems).toEqual([
      "organisations.csv:4: a record longer than the limit of 1,048,576 characters (is a quote left open?); the rest of the file was not read",
    ]);
  });

  it("accepts a record just under the limit", async () => {
    const dir = datasetDir({
      "organisations.csv": `${ORGS}long,${"x".repeat(1_048_000)}\n`,
      "outsourcing.csv": CONTRACTS,
    });
    const dataset = await validateDataset(dir);
    expect(dataset.problems).toEqual([]);
    expect(dataset.rows.organisations).toBe(3);
  });

  it("refuses a header of more than 1,000 fields", async () => {
    const extra = Array.from({ length: 999 }, (_, i) => `extra_${i}`).join(",");
    const problems = await problemsOf({
      "organisations.csv": `id,name,${extra}\nisetoh,イセトー${",".repeat(999)}\n`,
      "outsourcing.csv": CONTRACTS,
    });
    expect(problems).toEqual([
      "organisations.csv:1: a record of 1,001 fields is over the limit of 1,000",
      // Nothing of the file was read, so the contracts point at no organisation.
      'outsourcing.csv:2: consignor: "tsb" is not an id in organisations.csv',
      'outsourcing.csv:2: contractor: "isetoh" is not an id in organisations.csv',
    ]);
  });

  it("refuses a data row of more than 1,000 fields", async () => {
    const problems = await problemsOf({
      "organisations.csv": `${ORGS}wide,Wide${",".repeat(1_500)}\n`,
      "outsourcing.csv": CONTRACTS,
    });
    expect(problems).toEqual(["organisations.csv:4: a record of 1,502 fields is over the limit of 1,000"]);
  });
});

describe("UTF-16 files", () => {
  it("refuses UTF-16LE with its byte order mark, saying how to save it as UTF-8", async () => {
    const problems = await problemsOf({
      "organisations.csv": iconv.encode(ORGS, "utf-16le", { addBOM: true }),
      "outsourcing.csv": CONTRACTS,
    });
    expect(problems).toEqual([
      `organisations.csv:1: this file is UTF-16 (byte order mark FF FE, little-endian); ${UTF16_ADVICE}`,
      'outsourcing.csv:2: consignor: "tsb" is not an id in organisations.csv',
      'outsourcing.csv:2: contractor: "isetoh" is not an id in organisations.csv',
    ]);
  });

  it("refuses UTF-16BE with its byte order mark", async () => {
    const problems = await problemsOf({
      "organisations.csv": ORGS,
      "outsourcing.csv": iconv.encode(CONTRACTS, "utf-16be", { addBOM: true }),
    });
    expect(problems).toEqual([
      `outsourcing.csv:1: this file is UTF-16 (byte order mark FE FF, big-endian); ${UTF16_ADVICE}`,
    ]);
  });

  it("refuses UTF-16 without a byte order mark by its NUL bytes", async () => {
    const problems = await problemsOf({
      "organisations.csv": ORGS,
      "outsourcing.csv": iconv.encode(CONTRACTS, "utf-16le", { addBOM: false }),
    });
    expect(problems).toEqual([
      `outsourcing.csv:1: this file is UTF-16 (it holds NUL bytes, as UTF-16 without a byte order mark does); ${UTF16_ADVICE}`,
    ]);
  });
});

describe("the bytes validated are the bytes loaded", () => {
  it("refuses to hand over the rows of a file changed after it was validated", async () => {
    const dir = datasetDir({ "organisations.csv": ORGS, "outsourcing.csv": CONTRACTS });
    const dataset = await validateDataset(dir);
    expect(dataset.problems).toEqual([]);
    // Same size, still valid: only the fingerprint can tell.
    writeFileSync(join(dir, "outsourcing.csv"), CONTRACTS.replace(",100", ",999"));
    const contracts = dataset.files.find((f) => f.spec.name === "contracts");
    if (!contracts) throw new Error("no contracts file");
    const rows: unknown[] = [];
    const reading = (async () => {
      for await (const row of readRows(contracts)) rows.push(row);
    })();
    await expect(reading).rejects.toThrow(DatasetChangedError);
    await expect(reading).rejects.toThrow(
      `${join(dir, "outsourcing.csv")} changed after it was validated; nothing was loaded. Load it again once nothing writes to it.`,
    );
    expect(rows).toEqual([]);
  });

  it("hands over every row of an unchanged file", async () => {
    const dir = datasetDir({ "organisations.csv": ORGS, "outsourcing.csv": CONTRACTS });
    const dataset = await validateDataset(dir);
    const organisations = dataset.files.find((f) => f.spec.name === "organisations");
    if (!organisations) throw new Error("no organisations file");
    const ids: unknown[] = [];
    for await (const row of readRows(organisations)) ids.push(row.key);
    expect(ids).toEqual(["isetoh", "tsb"]);
  });
});
