import type { DataValidation, Worksheet } from "exceljs";
import { DATE_COLUMNS, headerOf, type RegisterLang, type RegisterTable } from "../domain/index.ts";
import { REGISTER_WORDS } from "../locale/register.ts";
import { MAX_SHEET_ROWS, wordListOf } from "./cells.ts";

/**
 * How a table's sheet looks, in the template and in an export alike: the headers in the chosen
 * language with a note on each, date columns formatted as text (so a typed `2024-05` stays a
 * period and Excel never turns it into a day), drop-down lists for kind, confidence and status,
 * and the header row frozen.
 */

/** Date columns hold text: Excel's number format "@". */
export const TEXT_FORMAT = "@";

const HEADER_STYLE = {
  font: { bold: true },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
  alignment: { vertical: "top", wrapText: true },
} as const;

/** A column's width in characters: room for its header, wider for the free text columns. */
export function widthOf(column: string, header: string): number {
  if (column === "source") return 48;
  if (column === "name" || column === "service" || column === "name_en") return 28;
  if (column === "id" || column === "consignor" || column === "contractor" || column === "carries") return 22;
  if (column === "sector" || column === "region") return 20;
  if (column === "data_categories") return 26;
  // A Japanese header needs about two columns of width a character.
  return Math.max(
    12,
    [...header].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 2),
  );
}

/** Column letters A…Z, AA…: the tables have at most 13 columns. */
const letterOf = (index: number) => String.fromCharCode(65 + index);

/** The sheet's options at creation: the header row stays in view. */
export const SHEET_OPTIONS = { views: [{ state: "frozen" as const, ySplit: 1 }] };

/** exceljs keeps a sheet's lists by range in `dataValidations`, which its typings leave out. */
type WithValidations = Worksheet & {
  dataValidations: { add(range: string, validation: DataValidation): void };
};

/** Sets the columns, writes the header row (each header with its note) and adds the drop-down lists. */
export function layOutTable(sheet: Worksheet, table: RegisterTable, lang: RegisterLang): void {
  const columns = Object.keys(table.columns);
  const words = REGISTER_WORDS[lang];
  const notes = words.notes[table.name] as Record<string, string>;
  sheet.columns = columns.map((column) => ({
    key: column,
    width: widthOf(column, headerOf(table, column, lang)),
    style: DATE_COLUMNS.has(column) ? { numFmt: TEXT_FORMAT } : {},
  }));
  const header = sheet.addRow(columns.map((column) => headerOf(table, column, lang)));
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.style = { ...HEADER_STYLE, numFmt: "General" };
    cell.note = notes[column] ?? column;
  });
  header.commit();

  columns.forEach((column, index) => {
    const list = wordListOf(table.name, column);
    if (!list) return;
    const listWords = words.lists[column as keyof typeof words.lists];
    const choices = lang === "ja" ? Object.values(list) : Object.keys(list);
    const letter = letterOf(index);
    (sheet as WithValidations).dataValidations.add(`${letter}2:${letter}${MAX_SHEET_ROWS}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${choices.join(",")}"`],
      showInputMessage: true,
      promptTitle: listWords.title,
      prompt: listWords.prompt,
      showErrorMessage: true,
      // Any lowercase word is a kind the loader accepts: Excel warns, it does not refuse.
      errorStyle: column === "kind" ? "warning" : "stop",
      errorTitle: listWords.title,
      error: listWords.error,
    });
  });
}
