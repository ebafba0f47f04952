import { type EventEmitter, once } from "node:events";
import { createWriteStream } from "node:fs";
import type ExcelJS from "exceljs";
import { DATE_COLUMNS, REGISTER_TABLES, type RegisterLang, type RegisterTableName } from "../domain/index.ts";
import {
  MAX_SHEET_ROWS,
  RegisterCellError,
  type RegisterRow,
  type RegisterRows,
  workbookValue,
} from "./cells.ts";
import excel from "./exceljs.ts";
import { replaceAtomically } from "./files.ts";
import { layOutTable, SHEET_OPTIONS, TEXT_FORMAT } from "./sheetLayout.ts";

export type RowCounts = Record<RegisterTableName, number>;

export interface WorkbookOptions {
  lang: RegisterLang;
  /** Sheets written before the tables (the template's instructions), in the order added. */
  preface?: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void;
  /** Called every PROGRESS_EVERY rows of a table and at its end, with the rows written since the last call. */
  onRows?: (table: RegisterTableName, count: number) => void;
}

const DATE_CELL_STYLE: Partial<ExcelJS.Style> = { numFmt: TEXT_FORMAT };
const PLAIN_CELL_STYLE: Partial<ExcelJS.Style> = {};

/** How many rows pass between two progress calls (and between two pauses that let the zip drain). */
const PROGRESS_EVERY = 1_000;

/**
 * Writes the four tables as the sheets of one workbook at `path` (replaced only once it is whole):
 * sheets and headers in `lang`, counts as number cells, dates as text cells, every other value as
 * text; in Japanese, kinds, statuses and confidence as their words. Streams (exceljs's
 * WorkbookWriter, inline strings): a sheet's rows go to the zip as they come, so a million
 * contracts take little memory. A table left out gets its header only.
 */
export async function writeRegisterWorkbook(
  path: string,
  rows: RegisterRows,
  options: WorkbookOptions,
): Promise<RowCounts> {
  const counts: RowCounts = { organisations: 0, contracts: 0, incidents: 0, exposures: 0 };
  await replaceAtomically([path], async ([temporary]) => {
    // Our own file stream, not exceljs's `filename`: a write that fails must not leave the file
    // to be opened after the temporary name was removed (its open is asynchronous), so the stream
    // is closed before replaceAtomically removes it.
    const file = createWriteStream(temporary as string);
    const closed = once(file, "close").catch(() => {});
    try {
      const workbook = new excel.stream.xlsx.WorkbookWriter({
        stream: file,
        // Inline strings: a shared string table would hold every distinct text in memory.
        useSharedStrings: false,
        useStyles: true,
      });
      options.preface?.(workbook);
      for (const table of REGISTER_TABLES) {
        const sheet = workbook.addWorksheet(table.sheets[options.lang], SHEET_OPTIONS);
        layOutTable(sheet, table, options.lang);
        counts[table.name] = await writeTableRows(sheet, table, rows[table.name] ?? [], options);
        sheet.commit();
      }
      await workbook.commit();
    } catch (error) {
      file.destroy();
      throw error;
    } finally {
      await closed;
    }
  });
  return counts;
}

/** What the zip reads a sheet through (archiver's stream; exceljs pipes the sheet into it). */
type ZipEntry = EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };

/**
 * Waits until the zip has compressed what the sheet handed it. exceljs's sheet stream writes to the
 * zip without waiting (it ignores backpressure), so rows written faster than zlib compresses them
 * would pile up in memory: hundreds of megabytes for a million contracts.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: { pipes?: ZipEntry[] } }).stream;
  const zip = stream?.pipes?.[0];
  // The zip reads through a PassThrough of the readable-stream package, which has no
  // writableNeedDrain: its state says whether the last write went past its buffer.
  if (zip && (zip.writableNeedDrain ?? zip._writableState?.needDrain)) await once(zip, "drain");
  else await new Promise((resolve) => setImmediate(resolve));
}

async function writeTableRows(
  sheet: ExcelJS.Worksheet,
  table: (typeof REGISTER_TABLES)[number],
  rows: AsyncIterable<RegisterRow> | Iterable<RegisterRow>,
  options: WorkbookOptions,
): Promise<number> {
  const columns = Object.keys(table.columns);
  const sheetName = table.sheets[options.lang];
  // One style object a column, shared by its cells: exceljs caches a style by the object, where a
  // new object for every cell costs it a lookup each (a fifth of the time of a million rows).
  const styles = columns.map((column) => (DATE_COLUMNS.has(column) ? DATE_CELL_STYLE : PLAIN_CELL_STYLE));
  let count = 0;
  let sinceReport = 0;
  for await (const row of rows) {
    const excelRow = count + 2;
    if (excelRow > MAX_SHEET_ROWS)
      throw new RegisterCellError(
        `${sheetName}: more than ${(MAX_SHEET_ROWS - 1).toLocaleString("en")} rows, Excel's limit for a sheet; export to a folder of CSV files instead`,
      );
    // An empty cell is left out (undefined), not written as an empty one.
    const values = columns.map(
      (column) =>
        workbookValue(table, column, row[column], options.lang, () => `${sheetName}:${excelRow}`) ??
        undefined,
    );
    const added = sheet.addRow(values);
    added.eachCell((cell, index) => {
      cell.style = styles[index - 1] as Partial<ExcelJS.Style>;
    });
    added.commit();
    count += 1;
    sinceReport += 1;
    if (sinceReport === PROGRESS_EVERY) {
      options.onRows?.(table.name, sinceReport);
      sinceReport = 0;
      await zipCaughtUp(sheet);
    }
  }
  if (sinceReport > 0) options.onRows?.(table.name, sinceReport);
  return count;
}
