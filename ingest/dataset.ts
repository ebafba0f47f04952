import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { type FileFacts, inspectFile, utf16Problem } from "./encoding.ts";
import { FieldReader } from "./fields.ts";
import { readCsv } from "./readCsv.ts";
import { type ParsedRow, TABLES, type TableName, type TableSpec } from "./tables.ts";

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface DatasetFile {
  spec: TableSpec;
  path: string;
  facts: FileFacts;
  rows: number;
}

/**
 * Where the rows of a dataset came from, as the analyst names it: CSV files in a folder (a
 * problem is `file:line`), or a workbook whose sheets were written out as CSV files (a problem
 * is `FILE.xlsx!SHEET:ROW`, ingest/workbook/).
 */
export interface DatasetOrigin {
  /** The dataset's name as its stamp records it: the folder's or the workbook's file name. */
  name: string;
  /** Where a record of a table is: `line` in the CSV file, `ordinal` its place (header = 1). */
  place(spec: TableSpec, path: string, line: number, ordinal: number): { file: string; line: number };
  /** How a message names the place a table is kept: `organisations.csv`, `sheet "組織"`. */
  label(table: TableName): string;
  /** What a place's number counts: a CSV file's lines, a sheet's rows. */
  unit: "line" | "row";
}

function folderOrigin(dir: string): DatasetOrigin {
  return {
    name: basename(resolve(dir)),
    place: (_spec, path, line) => ({ file: path, line }),
    label: (table) => TABLES.find((t) => t.name === table)?.file ?? table,
    unit: "line",
  };
}

export interface ValidatedDataset {
  dir: string;
  /** The dataset's name, as the stamp records it. */
  name: string;
  files: DatasetFile[];
  /** sha256 over the files' own fingerprints, in load order. */
  fingerprint: string;
  rows: Record<TableName, number>;
  problems: Problem[];
  /** Every problem found; `problems` keeps the first MAX_PROBLEMS of them. */
  problemCount: number;
}

/**
 * Hears every row validation parses, as it parses it (the offline loader writes them out for
 * Neo4j's importer in the same pass). Rows with problems are heard too: what is heard is of use
 * only once the whole dataset has validated.
 */
export type OnParsed = (spec: TableSpec, row: ParsedRow) => Promise<void> | undefined;

/** More than this many problems are counted, not kept: a wrong file can have a million. */
export const MAX_PROBLEMS = 1000;

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/**
 * Checks a dataset folder against docs/data-format.md without touching any database: every file, every
 * row, every reference. Reads each file twice, streaming (fingerprint and encoding, then rows),
 * and keeps only the ids in memory. The rows checked are the bytes fingerprinted: the second
 * read is hashed too, and a file that changed in between is a problem. The loader hashes what it
 * reads once more (readRows), so what is loaded is what was checked.
 */
export async function validateDataset(
  dir: string,
  onRow: (table: TableName) => void = () => {},
  origin: DatasetOrigin = folderOrigin(dir),
  onParsed?: OnParsed,
): Promise<ValidatedDataset> {
  const problems: Problem[] = [];
  let problemCount = 0;
  const report = (file: string, line: number, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push({ file, line, message });
  };
  const name = origin.name;
  const rows = { organisations: 0, contracts: 0, incidents: 0, exposures: 0 };
  const ids = new Map<TableName, Map<string, number>>();
  const files: DatasetFile[] = [];

  if (!existsSync(dir) || !(await stat(dir)).isDirectory()) {
    report(dir, 0, "not a folder");
    return { dir, name, files, fingerprint: "", rows, problems, problemCount };
  }

  for (const spec of TABLES) {
    const path = join(dir, spec.file);
    const seen = new Map<string, number>();
    ids.set(spec.name, seen);
    if (!existsSync(path)) {
      if (!spec.optional) report(path, 0, "file not found (it is required)");
      continue;
    }
    const facts = await inspectFile(path);
    if (facts.utf16 !== undefined) {
      report(path, 1, utf16Problem(facts.utf16));
      continue;
    }
    const parsed = createHash("sha256");
    const problemsBefore = problemCount;
    let count = 0;
    // `carries` may name contracts further down the file: checked once the whole file is read.
    const contractorOf = new Map<string, string>();
    const carried: { at: Place; column: string; consignor: string; ids: string[] }[] = [];
    const at = (line: number, ordinal: number) => origin.place(spec, path, line, ordinal);
    const reportAt = (place: Place, message: string) => report(place.file, place.line, message);
    for await (const batch of readCsv(path, facts, spec.name, spec.required, parsed)) {
      for (const item of batch) {
        if (item.kind === "problem") {
          reportAt(at(item.line, item.ordinal), item.message);
          continue;
        }
        const fields = new FieldReader(item.record);
        const row = spec.parse(fields);
        const here = at(fields.line, fields.ordinal);
        for (const message of fields.problems) reportAt(here, message);
        const first = seen.get(row.key);
        if (first !== undefined)
          reportAt(here, `duplicate ${describeKey(spec)} "${row.key}" (first on ${origin.unit} ${first})`);
        else seen.set(row.key, here.line);
        for (const ref of row.refs) {
          if (ref.id !== "" && !ids.get(ref.table)?.has(ref.id)) {
            reportAt(
              here,
              `${item.record.header(ref.column)}: "${ref.id}" is not an id in ${origin.label(ref.table)}`,
            );
          }
        }
        if (row.carries) {
          contractorOf.set(row.key, row.carries.contractor);
          if (row.carries.ids.length > 0)
            carried.push({
              at: here,
              column: item.record.header("carries"),
              consignor: row.carries.consignor,
              ids: row.carries.ids,
            });
        }
        count += 1;
        onRow(spec.name);
        // Awaited only when the taker must wait (a full buffer): most rows cost no promise.
        const taken = onParsed?.(spec, row);
        if (taken) await taken;
      }
    }
    for (const { at: place, column, consignor, ids: listed } of carried) {
      for (const id of listed) {
        const contractor = contractorOf.get(id);
        if (contractor === undefined)
          reportAt(place, `${column}: "${id}" is not a contract in ${origin.label(spec.name)}`);
        else if (contractor !== consignor) {
          reportAt(
            place,
            `${column}: contract "${id}" goes to "${contractor}", not to this contract's consignor "${consignor}"`,
          );
        }
      }
    }
    // Only a file read to its end has a hash to compare (a missing column stops the reading).
    if (problemCount === problemsBefore && parsed.digest("hex") !== facts.sha256)
      report(
        path,
        0,
        "the file changed while it was being checked; check it again once nothing writes to it",
      );
    rows[spec.name] = count;
    files.push({ spec, path, facts, rows: count });
  }

  const fingerprint = createHash("sha256");
  for (const file of files) fingerprint.update(`${file.spec.file}:${file.facts.sha256}\n`);
  return { dir, name, files, fingerprint: fingerprint.digest("hex"), rows, problems, problemCount };
}

/** A file that is not, byte for byte, the one that was validated: nothing of it is swapped in. */
export class DatasetChangedError extends Error {}

function changedMessage(file: DatasetFile): string {
  return `${file.path} changed after it was validated; nothing was loaded. Load it again once nothing writes to it.`;
}

/**
 * The parsed rows of a file that validated cleanly, streaming, for the loader. Every byte read is
 * hashed, and the last row is handed over only once the hash equals the validated file's: a file
 * changed (or replaced) since it was validated throws before the load can swap it in or commit it.
 */
export async function* readRows(file: DatasetFile): AsyncGenerator<ParsedRow> {
  const read = createHash("sha256");
  let pending: ParsedRow | undefined;
  for await (const batch of readCsv(file.path, file.facts, file.spec.name, file.spec.required, read)) {
    for (const item of batch) {
      if (item.kind === "problem") throw new DatasetChangedError(changedMessage(file));
      if (pending) yield pending;
      pending = file.spec.parse(new FieldReader(item.record));
    }
  }
  if (read.digest("hex") !== file.facts.sha256) throw new DatasetChangedError(changedMessage(file));
  if (pending) yield pending;
}

function describeKey(spec: TableSpec): string {
  return spec.name === "exposures" ? "exposure (incident, organisation, reported_on)" : "id";
}

type Place = { file: string; line: number };
