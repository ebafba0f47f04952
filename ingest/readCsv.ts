import type { Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { decoder, type FileEncoding } from "./encoding.ts";

/** One data row: its line in the file and its cells by (lower-cased) column name. */
export interface CsvRecord {
  line: number;
  cell(column: string): string;
}

export type CsvItem =
  | { kind: "record"; record: CsvRecord }
  | { kind: "problem"; line: number; message: string };

/** The longest record read, in characters: a quote left open must not swallow the whole file. */
export const MAX_RECORD_CHARACTERS = 1_048_576;
/** The most fields a record (the header included) may have; the widest table has 12 columns. */
export const MAX_FIELDS = 1_000;

const figure = (n: number) => n.toLocaleString("en-US");

/**
 * Streams a CSV file's rows. The first row is the header: names are trimmed and compared
 * without case; extra columns are ignored. Problems of the file itself (missing columns,
 * wrong field counts, broken quoting, undecodable bytes) come as items, never as throws.
 */
export async function* readCsv(
  path: string,
  encoding: FileEncoding,
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
  let width = 0;
  let lastLine = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      lastLine = info.lines;
      if (record.length > MAX_FIELDS) {
        yield {
          kind: "problem",
          line: info.lines,
          message: `a record of ${figure(record.length)} fields is over the limit of ${figure(MAX_FIELDS)}`,
        };
        if (!header) return;
        continue;
      }
      if (!header) {
        header = new Map();
        for (const [index, raw] of record.entries()) {
          const name = raw.trim().toLowerCase();
          if (header.has(name))
            yield { kind: "problem", line: info.lines, message: `duplicate column "${name}"` };
          else header.set(name, index);
        }
        width = record.length;
        const missing = requiredColumns.filter((column) => !header?.has(column));
        if (missing.length > 0) {
          const names = missing.map((c) => `"${c}"`).join(", ");
          yield {
            kind: "problem",
            line: info.lines,
            message: `missing required column${missing.length > 1 ? "s" : ""} ${names}`,
          };
          return;
        }
        continue;
      }
      if (record.length !== width) {
        yield {
          kind: "problem",
          line: info.lines,
          message: `expected ${width} fields, found ${record.length}`,
        };
        continue;
      }
      if (encoding === "cp932" && record.some((cell) => cell.includes("\uFFFD"))) {
        yield {
          kind: "problem",
          line: info.lines,
          message: "bytes that are neither UTF-8 nor Shift_JIS (CP932)",
        };
        continue;
      }
      const columns = header;
      yield {
        kind: "record",
        record: { line: info.lines, cell: (column) => record[columns.get(column) ?? -1]?.trim() ?? "" },
      };
    }
  } catch (error) {
    const err = error as { message?: string; lines?: number; code?: string };
    if (err.code === "CSV_MAX_RECORD_SIZE") {
      yield {
        kind: "problem",
        line: lastLine + 1,
        message: `a record longer than the limit of ${figure(MAX_RECORD_CHARACTERS)} characters (is a quote left open?); the rest of the file was not read`,
      };
      return;
    }
    const line = typeof err.lines === "number" ? err.lines : 0;
    yield {
      kind: "problem",
      line,
      message: `not readable as CSV (${err.code ?? "error"}: ${err.message ?? error})`,
    };
    return;
  } finally {
    await feeding;
  }
  if (!header)
    yield { kind: "problem", line: 1, message: `empty file: expected a header row in ${basename(path)}` };
}
