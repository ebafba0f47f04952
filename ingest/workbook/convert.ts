import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { columnOf, type RegisterTable, tableOfSheet } from "../../domain/index.ts";
import ExcelJS, { type CellValue } from "../../register/exceljs.ts";
import type { TableName } from "../tables.ts";
import { cellText } from "./cells.ts";
import type { SheetIndex } from "./sheetIndex.ts";

/** One table's sheet, written out as the CSV file the dataset reader takes. */
export interface ConvertedSheet {
  table: RegisterTable;
  /** The sheet's name as the workbook has it. */
  sheet: string;
  /** The Excel row of each CSV record, the header's first: `rows[ordinal - 1]`. */
  rows: RowNumbers;
}

/** A cell Keiro cannot read, by the sheet and the Excel row it is on. */
export interface CellProblem {
  sheet: string;
  row: number;
  message: string;
}

/** Excel row numbers, one per record, in a typed array that grows (a sheet holds up to 1,048,576). */
export class RowNumbers {
  private numbers = new Uint32Array(1024);
  length = 0;

  push(row: number): void {
    if (this.length === this.numbers.length) {
      const grown = new Uint32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.length++] = row;
  }

  at(index: number): number | undefined {
    return index >= 0 && index < this.length ? this.numbers[index] : undefined;
  }
}

/**
 * Reads the workbook's cells once, streaming (exceljs), and writes each table's sheet to `dir` as
 * the UTF-8 CSV file of that table, header as written, one record per non-empty row; other
 * sheets are read past. A cell that cannot be read is a problem at its row and is written empty.
 */
export async function convertSheets(
  path: string,
  index: SheetIndex,
  dir: string,
  onProblem: (problem: CellProblem) => void,
  onRow: () => void,
): Promise<Map<TableName, ConvertedSheet>> {
  const sheets = new Map<TableName, ConvertedSheet>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    const table = tableOfSheet(name);
    if (!table || sheets.has(table.name) || !index.names.includes(name)) {
      for await (const _row of worksheet) {
        // Not a table: read past it (the zip is one stream).
      }
      continue;
    }
    const converted: ConvertedSheet = { table, sheet: name, rows: new RowNumbers() };
    sheets.set(table.name, converted);
    const out = createWriteStream(join(dir, table.file), { encoding: "utf8" });
    let columns: (string | undefined)[] | undefined;
    let headers: string[] = [];
    for await (const row of worksheet) {
      const values = row.values as CellValue[];
      if (!columns) {
        const written = trimTrailing(Array.from(values.slice(1), (value) => textOf(value)));
        if (written.length === 0) continue;
        // A column without a header is not read; it is named so that two of them are not duplicates.
        headers = written.map((header, i) => header || `(${columnLetter(i)})`);
        columns = headers.map((header) => columnOf(table.name, header));
        converted.rows.push(row.number);
        await write(out, csvLine(headers));
        continue;
      }
      const fields: string[] = new Array(columns.length);
      let empty = true;
      for (let i = 0; i < columns.length; i += 1) {
        const cell = cellText(values[i + 1], columns[i]);
        if ("problem" in cell) {
          onProblem({ sheet: name, row: row.number, message: `${headers[i]}: ${cell.problem}` });
          fields[i] = "";
          empty = false;
        } else {
          fields[i] = cell.text;
          if (cell.text.trim() !== "") empty = false;
        }
      }
      if (empty) continue;
      converted.rows.push(row.number);
      await write(out, csvLine(fields));
      onRow();
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
  return sheets;
}

/** A header cell's text (a header typed as a number or a date still names a column). */
function textOf(value: CellValue): string {
  const cell = cellText(value, undefined);
  return "text" in cell ? cell.text.trim() : "";
}

/** A column's letter as Excel names it: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function trimTrailing(headers: string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === "") end -= 1;
  return headers.slice(0, end);
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record (RFC 4180 quoting). */
function csvLine(fields: string[]): string {
  return `${fields.map((f) => (NEEDS_QUOTES.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",")}\n`;
}

function write(out: WriteStream, text: string): Promise<void> | undefined {
  if (out.write(text)) return undefined;
  return new Promise((resolve) => out.once("drain", resolve));
}
