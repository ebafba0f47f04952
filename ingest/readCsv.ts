import type { Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { columnOf, REGISTER_TABLES, type RegisterTableName } from "../domain/index.ts";
import { decoder, type FileEncoding, type FileFacts, MAX_RECORD_CHARACTERS } from "./encoding.ts";

/** One data row: where it is in the file and its cells by (English) column name. */
export interface CsvRecord {
  line: number;
  /** Its place among the file's records, the header being record 1. */
  ordinal: number;
  cell(column: string): string;
  /** The header a column has in this file, as written (English or Japanese). */
  header(column: string): string;
}

export type CsvItem =
  | { kind: "record"; record: CsvRecord }
  | { kind: "problem"; line: number; ordinal: number; message: string };

export { MAX_RECORD_CHARACTERS };
/** The most fields a record (the header included) may have; the widest table has 12 columns. */
export const MAX_FIELDS = 1_000;

const figure = (n: number) => n.toLocaleString("en-US");

/** One record as the parser reads it: its cells as written, and its place in the file. */
interface RawRecord {
  cells: string[];
  line: number;
  ordinal: number;
}

/** A data row's cells by column, shared by every row of a file (one object per row, no closures). */
class Row implements CsvRecord {
  constructor(
    private readonly cells: string[],
    readonly line: number,
    readonly ordinal: number,
    private readonly columns: Map<string, number>,
    private readonly written: Map<string, string>,
  ) {}
  cell(column: string): string {
    return this.cells[this.columns.get(column) ?? -1]?.trim() ?? "";
  }
  header(column: string): string {
    return this.written.get(column) ?? column;
  }
}

/**
 * Streams a CSV file's rows, in batches (one per chunk read: a promise per batch, not per row).
 * The first row is the header: each name is an English column name or its Japanese header
 * (domain/register.ts), compared without case, width or spaces; extra columns are ignored.
 * Problems of the file itself (missing columns, wrong field counts, broken quoting, undecodable
 * bytes) come as items, never as throws.
 */
export async function* readCsv(
  path: string,
  facts: Pick<FileFacts, "encoding" | "plain">,
  table: RegisterTableName,
  requiredColumns: readonly string[],
  /** Takes every byte read, as read: the caller hashes what was parsed. */
  bytesRead?: Hash,
): AsyncGenerator<CsvItem[]> {
  const { encoding } = facts;
  let header: Map<string, number> | undefined;
  const written = new Map<string, string>();
  let width = 0;
  let stopped = false;
  /** The items of one record, into `out`; sets `stopped` when the rest of the file is not to be read. */
  const take = (raw: RawRecord, out: CsvItem[]): void => {
    const { cells: record, line, ordinal } = raw;
    if (record.length > MAX_FIELDS) {
      out.push({
        kind: "problem",
        line,
        ordinal,
        message: `a record of ${figure(record.length)} fields is over the limit of ${figure(MAX_FIELDS)}`,
      });
      if (!header) stopped = true;
      return;
    }
    if (!header) {
      header = new Map();
      for (const [index, raw] of record.entries()) {
        const name = columnOf(table, raw) ?? raw.trim().toLowerCase();
        if (header.has(name)) {
          const first = written.get(name);
          const also =
            first !== undefined && first !== raw.trim() ? ` (as "${first}" and "${raw.trim()}")` : "";
          out.push({ kind: "problem", line, ordinal, message: `duplicate column "${name}"${also}` });
        } else {
          header.set(name, index);
          written.set(name, raw.trim());
        }
      }
      width = record.length;
      const missing = requiredColumns.filter((column) => !header?.has(column));
      if (missing.length > 0) {
        out.push({
          kind: "problem",
          line,
          ordinal,
          message: `missing required column${missing.length > 1 ? "s" : ""} ${missing.map((c) => bothNames(table, c)).join(", ")}`,
        });
        stopped = true;
      }
      return;
    }
    if (record.length !== width) {
      out.push({
        kind: "problem",
        line,
        ordinal,
        message: `expected ${width} fields, found ${record.length}`,
      });
      return;
    }
    if (encoding === "cp932" && record.some((cell) => cell.includes("\uFFFD"))) {
      out.push({
        kind: "problem",
        line,
        ordinal,
        message: "bytes that are neither UTF-8 nor Shift_JIS (CP932)",
      });
      return;
    }
    out.push({ kind: "record", record: new Row(record, line, ordinal, header, written) });
  };

  const source = facts.plain ? plainRecords(path, bytesRead) : parsedRecords(path, encoding, bytesRead);
  for await (const batch of source) {
    if (!Array.isArray(batch)) {
      // The parser's last word: a problem, after which nothing more is read.
      yield [batch];
      return;
    }
    const out: CsvItem[] = [];
    for (const raw of batch) {
      take(raw, out);
      if (stopped) break;
    }
    if (out.length > 0) yield out;
    if (stopped) return;
  }
  if (!header)
    yield [
      {
        kind: "problem",
        line: 1,
        ordinal: 1,
        message: `empty file: expected a header row in ${basename(path)}`,
      },
    ];
}

type Batch = RawRecord[] | Extract<CsvItem, { kind: "problem" }>;

/**
 * A `plain` file's records (ingest/encoding.ts: UTF-8, no quote, no carriage return, no line over
 * the record limit), read without the CSV parser: each non-empty line is a record, its cells split
 * at commas, which is all the parser (bom, skip_empty_lines, relax_column_count) does with such a
 * file, at a fraction of its cost. The file is read whole: were it changed since it was inspected,
 * its hash would not match and validation says so (ingest/dataset.ts).
 */
async function* plainRecords(path: string, bytesRead?: Hash): AsyncGenerator<Batch> {
  const utf8 = new TextDecoder("utf-8");
  let rest = "";
  let line = 0;
  let ordinal = 0;
  let started = false;
  const split = (text: string, last: boolean): RawRecord[] => {
    const lines = (rest + text).split("\n");
    rest = last ? "" : (lines.pop() ?? "");
    const batch: RawRecord[] = [];
    for (const written of lines) {
      line += 1;
      // The parser skips empty lines, counting them.
      if (written === "") continue;
      ordinal += 1;
      batch.push({ cells: written.split(","), line, ordinal });
    }
    return batch;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    bytesRead?.update(chunk as Buffer);
    let text = utf8.decode(chunk as Buffer, { stream: true });
    // The decoder drops a byte order mark; the parser (`bom`) drops one more, as a second read does.
    if (!started && text !== "") {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield split(text, false);
  }
  let text = utf8.decode();
  if (!started && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  yield split(text, true);
}

/** Any other file's records, through the CSV parser (quotes, CRLF, CP932). */
async function* parsedRecords(path: string, encoding: FileEncoding, bytesRead?: Hash): AsyncGenerator<Batch> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead?.update(chunk);
      done(null, chunk);
    },
  });
  const feeding = pipeline(createReadStream(path), tap, decoder(encoding), parser).catch(() => {
    // Parse errors surface through the parser's iterator below.
  });
  let lastLine = 0;
  let lastOrdinal = 0;
  type Parsed = { record: string[]; info: { lines: number; records: number } };
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      const { record, info } = item;
      lastLine = info.lines;
      lastOrdinal = info.records;
      yield [{ cells: record, line: info.lines, ordinal: info.records }];
    }
  } catch (error) {
    const err = error as { message?: string; lines?: number; code?: string };
    if (err.code === "CSV_MAX_RECORD_SIZE") {
      yield {
        kind: "problem",
        line: lastLine + 1,
        ordinal: lastOrdinal + 1,
        message: `a record longer than the limit of ${figure(MAX_RECORD_CHARACTERS)} characters (is a quote left open?); the rest of the file was not read`,
      };
      return;
    }
    const line = typeof err.lines === "number" ? err.lines : 0;
    yield {
      kind: "problem",
      line,
      ordinal: lastOrdinal + 1,
      message: `not readable as CSV (${err.code ?? "error"}: ${err.message ?? error})`,
    };
    return;
  } finally {
    await feeding;
  }
}

/** A required column as a message names it: `"consignor" (委託元)`. */
function bothNames(table: RegisterTableName, column: string): string {
  const spec = REGISTER_TABLES.find((t) => t.name === table);
  const word = (spec?.columns as Record<string, string> | undefined)?.[column];
  return word === undefined ? `"${column}"` : `"${column}" (${word})`;
}
