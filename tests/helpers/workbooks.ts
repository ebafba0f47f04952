import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import {
  CONFIDENCE_WORDS,
  COUNT_COLUMNS,
  columnOf,
  DATE_COLUMNS,
  KIND_WORDS,
  REGISTER_TABLES,
  STATUS_WORDS,
} from "../../domain/index.ts";
import ExcelJS, { type CellValue } from "../../register/exceljs.ts";

/** A sheet written cell by cell: rows of values as exceljs takes them (row 1 first). */
export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** Ranges to merge, e.g. `B3:B4`. */
  merges?: string[];
  /** Column letters whose cells are formatted as text (`@`), as the template does. */
  textColumns?: string[];
}

/** Writes a workbook as a person would have typed it in Excel (non-streaming exceljs). */
export async function writeWorkbook(path: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const letter of spec.textColumns ?? []) sheet.getColumn(letter).numFmt = "@";
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  await workbook.xlsx.writeFile(path);
}

const WORDS: Record<string, Record<string, string>> = {
  kind: KIND_WORDS,
  status: STATUS_WORDS,
  confidence: CONFIDENCE_WORDS,
};

/**
 * A dataset folder's CSV files as the sheets of one workbook, the way an analyst keeps it:
 * in Japanese (sheet names, headers, words for kinds and statuses) or English; counts as number
 * cells, full days as date cells, periods as text.
 */
export function sheetsOfFolder(dir: string, lang: "en" | "ja"): SheetSpec[] {
  const sheets: SheetSpec[] = [];
  for (const table of REGISTER_TABLES) {
    let text: string;
    try {
      text = readFileSync(join(dir, table.file), "utf8");
    } catch {
      continue;
    }
    const [header = [], ...records] = parse(text, { bom: true }) as string[][];
    const columns = header.map((name) => columnOf(table.name, name));
    const headers = columns.map((column, i) =>
      column && lang === "ja"
        ? ((table.columns as Record<string, string>)[column] ?? column)
        : (header[i] ?? ""),
    );
    const rows: CellValue[][] = [headers];
    for (const record of records) {
      rows.push(
        record.map((value, i) => {
          const column = columns[i];
          if (value === "" || column === undefined) return value === "" ? null : value;
          if (COUNT_COLUMNS.has(column)) return Number(value.replaceAll(",", ""));
          if (DATE_COLUMNS.has(column) && /^\d{4}-\d{2}-\d{2}$/.test(value))
            return new Date(`${value}T00:00:00Z`);
          const words = WORDS[column];
          if (lang === "ja" && words && words[value] !== undefined) return words[value] as string;
          return value;
        }),
      );
    }
    sheets.push({ name: lang === "ja" ? table.sheets.ja : table.sheets.en, rows });
  }
  return sheets;
}

/**
 * A dataset folder's CSV files again, with Japanese headers and words, as Excel in Japan saves
 * them ("CSV (comma delimited)": CP932) or as UTF-8.
 */
export function japaneseFolder(dir: string, encoding: "cp932" | "utf-8"): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const sheet of sheetsOfFolder(dir, "ja")) {
    const table = REGISTER_TABLES.find((t) => t.sheets.ja === sheet.name);
    if (!table) continue;
    const text = sheet.rows
      .map((row) =>
        row
          .map((cell) =>
            csvField(cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? "")),
          )
          .join(","),
      )
      .join("\r\n");
    files[table.file] =
      encoding === "cp932"
        ? iconv.encode(`${text.replaceAll("\u301c", "\uff5e").replaceAll("\u2212", "\uff0d")}\r\n`, "cp932")
        : Buffer.from(`${text}\r\n`, "utf8");
  }
  return files;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
