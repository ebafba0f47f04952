/**
 * Counts of records and persons: whole numbers ≥ 0, with optional thousands separators
 * (`1,035,603`). An empty value means undisclosed — never zero.
 */
const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

export type CountParse = { ok: true; value: number } | { ok: false; problem: string };

export function parseCount(text: string): CountParse {
  if (!PLAIN.test(text) && !GROUPED.test(text)) {
    return { ok: false, problem: `"${text}" is not a whole number ≥ 0` };
  }
  const value = Number(text.replaceAll(",", ""));
  if (!Number.isSafeInteger(value)) return { ok: false, problem: `"${text}" is too large` };
  return { ok: true, value };
}

/** `1234567` → `"1,234,567"`; a lower bound gets `≥ `. */
export function formatCount(value: number, lowerBound = false): string {
  const text = value.toLocaleString("en-US");
  return lowerBound ? `≥ ${text}` : text;
}
