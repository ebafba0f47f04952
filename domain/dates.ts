/**
 * Partial dates (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). A partial date is a period: a start is
 * compared by the period's first day, an end (until, delete_by, discovered) by its last day.
 * Days are kept as ISO strings so that Cypher can compare them as text.
 */
export interface PartialDate {
  /** As written in the dataset. */
  text: string;
  /** First day of the period, `YYYY-MM-DD`. */
  firstDay: string;
  /** Last day of the period, `YYYY-MM-DD`. */
  lastDay: string;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns undefined when the text is not one. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1) return undefined;
  if (month === undefined) {
    return { text, firstDay: `${pad(year, 4)}-01-01`, lastDay: `${pad(year, 4)}-12-31` };
  }
  if (month < 1 || month > 12) return undefined;
  const lastOfMonth = daysInMonth(year, month);
  if (day === undefined) {
    return {
      text,
      firstDay: `${pad(year, 4)}-${pad(month)}-01`,
      lastDay: `${pad(year, 4)}-${pad(month)}-${pad(lastOfMonth)}`,
    };
  }
  if (day < 1 || day > lastOfMonth) return undefined;
  return { text, firstDay: text, lastDay: text };
}
