import { COUNT_COLUMNS, DATE_COLUMNS } from "../../domain/index.ts";
import type { CellValue } from "../../register/exceljs.ts";

/** A cell as the CSV reader takes it: its text, or why it cannot be read (DOMAIN.md). */
export type CellText = { text: string } | { problem: string };

const EMPTY: CellText = { text: "" };

/** A date cell's day. Excel keeps days without a zone; exceljs gives them as UTC midnights. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The text of one cell of a column (its English name; undefined for a column Keiro does not
 * read). A date cell is that day; a number in a date column is refused, since Excel turns a
 * typed `2024` or `2024-05` into a number or a day and the period is lost; a formula counts as
 * the value Excel saved with it.
 */
export function cellText(value: CellValue, column: string | undefined): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number") {
    if (column !== undefined && DATE_COLUMNS.has(column))
      return {
        problem: `${value} is a number in a date column: type a period (2024-05, 2024) as text (start it with ') or a day as a date`,
      };
    return { text: String(value) };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: "a date cell with no valid date" };
    if (column !== undefined && COUNT_COLUMNS.has(column))
      return { problem: `a date (${dayOf(value)}) in a count column: type the count as a number` };
    return { text: dayOf(value) };
  }
  if ("error" in value) return { problem: `the cell holds the error ${value.error}` };
  if ("richText" in value) return { text: value.richText.map((run) => run.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null)
      return {
        problem:
          "a formula with no saved value: open the workbook in Excel or LibreOffice, let it calculate and save it, or type the value",
      };
    if (typeof result === "object" && !(result instanceof Date) && "error" in result)
      return { problem: `the formula's value is the error ${result.error}` };
    return cellText(result as CellValue, column);
  }
  if ("hyperlink" in value) return { text: String(value.text ?? "") };
  return { problem: "a cell Keiro cannot read (neither text, a number, a date nor a formula)" };
}
