import {
  CONFIDENCE_WORDS,
  COUNT_COLUMNS,
  KIND_WORDS,
  parseCount,
  type RegisterLang,
  type RegisterTable,
  type RegisterTableName,
  STATUS_WORDS,
} from "../domain/index.ts";

/** A row of a register table as CSV holds it: text by English column; a missing column is empty. */
export type RegisterRow = Readonly<Record<string, string | undefined>>;

/** The rows of each table, in any order of arrival; a table left out is written with its header only. */
export type RegisterRows = Partial<
  Record<RegisterTableName, AsyncIterable<RegisterRow> | Iterable<RegisterRow>>
>;

/** Excel keeps at most this many characters in a cell; a longer text would be cut. */
export const MAX_CELL_CHARACTERS = 32_767;
/** Excel's last row: the header and 1,048,575 rows of data. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Excel keeps 15 significant digits of a number: a larger count stays text, so no digit is lost. */
const LARGEST_NUMBER_CELL = 999_999_999_999_999;

/** The columns whose tokens have Japanese words, by table, and the words. */
const WORD_LISTS: Partial<Record<RegisterTableName, Record<string, Readonly<Record<string, string>>>>> = {
  organisations: { kind: KIND_WORDS },
  contracts: { confidence: CONFIDENCE_WORDS },
  exposures: { status: STATUS_WORDS },
};

/** The list of words a column takes (kind, confidence, status), or undefined for any other column. */
export function wordListOf(
  table: RegisterTableName,
  column: string,
): Readonly<Record<string, string>> | undefined {
  return WORD_LISTS[table]?.[column];
}

/** The text a cell shows: in Japanese a kind, status or confidence token is its word (another token as written). */
export function registerText(
  table: RegisterTableName,
  column: string,
  text: string,
  lang: RegisterLang,
): string {
  if (lang === "en") return text;
  return wordListOf(table, column)?.[text] ?? text;
}

/** A cell too long for Excel, named by sheet, row and column. */
export class RegisterCellError extends Error {}

/**
 * A cell's value in a workbook: a count as a number (thousands separators dropped), any other
 * non-empty text as text (a date column's text stays a period: its column is formatted as text);
 * null for an empty cell. A count that is not a whole number stays text, for the loader to refuse.
 */
export function workbookValue(
  table: RegisterTable,
  column: string,
  text: string | undefined,
  lang: RegisterLang,
  where: () => string,
): string | number | null {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  if (trimmed.length > MAX_CELL_CHARACTERS)
    throw new RegisterCellError(
      `${where()}: ${column}: ${trimmed.length.toLocaleString("en")} characters, over Excel's limit of 32,767 a cell`,
    );
  if (COUNT_COLUMNS.has(column)) {
    const count = parseCount(trimmed);
    return count.ok && count.value <= LARGEST_NUMBER_CELL ? count.value : trimmed;
  }
  return registerText(table.name, column, trimmed, lang);
}
