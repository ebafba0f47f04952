import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { headerOf, REGISTER_TABLES, type RegisterLang, type RegisterTable } from "../domain/index.ts";
import { type RegisterRow, type RegisterRows, registerText } from "./cells.ts";
import { replaceAtomically } from "./files.ts";
import type { RowCounts, WorkbookOptions } from "./workbookWriter.ts";

/** A byte order mark: Excel opens a UTF-8 CSV file as UTF-8 only with one (the loader accepts it). */
const BOM = "\uFEFF";
/** How many rows pass between two progress calls. */
const PROGRESS_EVERY = 1_000;

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes the four tables as the dataset folder `dir` holds them (organisations.csv, outsourcing.csv,
 * incidents.csv, exposures.csv; UTF-8 with a byte order mark; the folder made if need be), headers in `lang` and, in Japanese,
 * kinds, statuses and confidence as their words. A table left out gets its header only. The files
 * replace those in `dir` only once all four are written.
 */
export async function writeRegisterCsv(
  dir: string,
  rows: RegisterRows,
  options: Pick<WorkbookOptions, "lang" | "onRows">,
): Promise<RowCounts> {
  const counts: RowCounts = { organisations: 0, contracts: 0, incidents: 0, exposures: 0 };
  await mkdir(dir, { recursive: true });
  const paths = REGISTER_TABLES.map((table) => join(dir, table.file));
  await replaceAtomically(paths, async (temporary) => {
    for (const [index, table] of REGISTER_TABLES.entries()) {
      counts[table.name] = await writeTable(
        temporary[index] as string,
        table,
        rows[table.name] ?? [],
        options.lang,
        (count) => options.onRows?.(table.name, count),
      );
    }
  });
  return counts;
}

async function writeTable(
  path: string,
  table: RegisterTable,
  rows: AsyncIterable<RegisterRow> | Iterable<RegisterRow>,
  lang: RegisterLang,
  onRows: (count: number) => void,
): Promise<number> {
  const columns = Object.keys(table.columns);
  const stream = createWriteStream(path, { encoding: "utf8" });
  // Waits while the file's buffer is full, so a million rows never pile up in memory; a failed
  // write (a full disk) rejects the wait, or the next write.
  let failure: Error | undefined;
  stream.on("error", (error) => {
    failure = error;
  });
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!stream.write(text)) await once(stream, "drain");
  };
  let count = 0;
  try {
    await write(`${BOM}${columns.map((column) => csvField(headerOf(table, column, lang))).join(",")}\n`);
    for await (const row of rows) {
      const fields = columns.map((column) =>
        csvField(registerText(table.name, column, (row[column] ?? "").trim(), lang)),
      );
      await write(`${fields.join(",")}\n`);
      count += 1;
      if (count % PROGRESS_EVERY === 0) onRows(PROGRESS_EVERY);
    }
    if (count % PROGRESS_EVERY > 0) onRows(count % PROGRESS_EVERY);
  } finally {
    stream.end();
  }
  await finished(stream);
  return count;
}
