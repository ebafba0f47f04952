import type { Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { columnOf, REGISTER_TABLES, type RegisterTableName } from "../domain/index.ts";
import { decoder, type FileEncoding } from "./encoding.ts";

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

/** The longest record read, in characters: a quote left open must not swallow the whole file. */
export const MAX_RECORD_CHARACTERS = 1_048_576;
/** The most fields a record (the header included) may have; the widest table has 12 columns. */
export const MAX_FIELDS = 1_000;

const figure = (n: number) => n.toLocaleString("en-US");

/**
 * Streams a CSV file's rows. The first row is the header: each name is an English column name or
 * its Japanese header (domain/register.ts), compared without case, width or spaces; extra columns
 * are ignored. Problems of the file itself (missing columns, wrong field counts, broken quoting,
 * undecodable bytes) come as items, never as throws.
 */
export async function* readCsv(
  path: string,
  encoding: FileEncoding,
  table: RegisterTableName,
  requiredColumns: readonly string[],
  /** Takes every byte read, as read: the caller hashes what was parsed. */
  bytesRead?: Hash,
): AsyncGenerator<CsvItem> {
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
  let header: Map<string, number> | undefined;
  const written = new Map<string, string>();
  let width = 0;
  let lastLine = 0;
  let lastOrdinal = 0;
  type Parsed = { record: string[]; info: { lines: number; records: number } };
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      const { record, info } = item;
      lastLine = info.lines;
      lastOrdinal = info.records;
      const at = { line: info.lines, ordinal: info.records };
      if (record.length > MAX_FIELDS) {
        yield {
          kind: "problem",
          ...at,
          message: `a record of ${figure(record.length)} fields is over the limit of ${figure(MAX_FIELDS)}`,
        };
        if (!header) return;
        continue;
      }
      if (!header) {
        header = new Map();
        for (const [index, raw] of record.entries()) {
          const name = columnOf(table, raw) ?? raw.trim().toLowerCase();
          if (header.has(name)) {
            const first = written.get(name);
            const also =
              first !== undefined && first !== raw.trim() ? ` (as "${first}" and "${raw.trim()}")` : "";
            yield { kind: "problem", ...at, message: `duplicate column "${name}"${also}` };
          } else {
            header.set(name, index);
            written.set(name, raw.trim());
          }
        }
        width = record.length;
        const missing = requiredColumns.filter((column) => !header?.has(column));
        if (missing.length > 0) {
          yield {
            kind: "problem",
            ...at,
            message: `missing required column${missing.length > 1 ? "s" : ""} ${missing.map((c) => bothNames(table, c)).join(", ")}`,
          };
          return;
        }
        continue;
      }
      if (record.length !== width) {
        yield { kind: "problem", ...at, message: `expected ${width} fields, found ${record.length}` };
        continue;
      }
      if (encoding === "cp932" && record.some((cell) => cell.includes("\uFFFD"))) {
        yield { kind: "problem", ...at, message: "bytes that are neither UTF-8 nor Shift_JIS (CP932)" };
        continue;
      }
      const columns = header;
      yield {
        kind: "record",
        record: {
          ...at,
          cell: (column) => record[columns.get(column) ?? -1]?.trim() ?? "",
          header: (column) => written.get(column) ?? column,
        },
      };
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
  if (!header)
    yield {
      kind: "problem",
      line: 1,
      ordinal: 1,
      message: `empty file: expected a header row in ${basename(path)}`,
    };
}

/** A required column as a message names it: `"consignor" (委託元)`. */
function bothNames(table: RegisterTableName, column: string): string {
  const spec = REGISTER_TABLES.find((t) => t.name === table);
  const word = (spec?.columns as Record<string, string> | undefined)?.[column];
  return word === undefined ? `"${column}"` : `"${column}" (${word})`;
}
