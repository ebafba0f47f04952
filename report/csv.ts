import type { BlastRadius, VendorRank } from "../domain/index.ts";
import { type Lang, WORDS } from "../locale/index.ts";
import type { SinceReport } from "./changesSection.ts";
import { batched, joinedInChunks, whole } from "./chunks.ts";
import { reportedText } from "./sentences.ts";

/** Excel opens UTF-8 with Japanese text cleanly only with a BOM; rows end in CRLF. */
const BOM = "\uFEFF";

/** A leading =, +, -, @, tab or CR makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe, which
 * Excel and LibreOffice show as text; numbers (also negative ones) stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV row's cells. */
export type CsvRow = (string | number | null)[];

/** One CSV row, without its line end. */
const csvLine = (row: CsvRow) => row.map(csvCell).join(",");

function table(header: string[], rows: CsvRow[]): string {
  return whole(tableChunks(header, rows));
}

/** The same text as `table`, in pieces: the BOM and the header, then every row, each ending in CRLF. */
export function* tableChunks(header: string[], rows: readonly CsvRow[]): Generator<string> {
  yield `${BOM}${csvLine(header)}\r\n`;
  yield* joinedInChunks(rows, csvLine, "\r\n");
  if (rows.length > 0) yield "\r\n";
}

type Change = "entered" | "left" | "changed" | "unchanged";

/**
 * One row per affected organisation; `records_lower_bound` says when records misses some. With
 * `since`, one table still (a spreadsheet filters it by the change column): each row says whether
 * it entered, changed or stayed, with its figures then, and the organisations that left the blast
 * radius follow with their figures then only. The totals then → now are in the other formats.
 */
export function blastRadiusCsv(
  result: BlastRadius,
  lang: Lang = "ja",
  since?: SinceReport,
): Generator<string> {
  const words = WORDS[lang].csv;
  const then = new Map(since?.earlier.affected.map((a) => [a.id, a]));
  const changed = new Set(since?.changes.changed.map((c) => c.id));
  const rows = result.affected.map((org) => {
    const row: CsvRow = [
      org.id,
      org.name,
      org.nameEn,
      org.kind,
      org.region,
      org.depth,
      org.records,
      org.undisclosed > 0 ? words.yes : words.no,
      org.subjects,
      org.undisclosed,
      org.path.join(" > "),
      org.reported.map((r) => reportedText(r, lang)).join(words.reportedSeparator),
      // no: affected only through contracts marked possible.
      org.confirmed ? words.yes : words.no,
    ];
    if (!since) return row;
    const before = then.get(org.id);
    const change: Change = !before ? "entered" : changed.has(org.id) ? "changed" : "unchanged";
    return [
      ...row,
      words[change],
      before?.depth ?? null,
      before?.records ?? null,
      before?.subjects ?? null,
      before?.undisclosed ?? null,
    ];
  });
  for (const id of since?.changes.left ?? []) {
    const org = then.get(id);
    if (!org) continue;
    rows.push([
      org.id,
      org.name,
      org.nameEn,
      org.kind,
      org.region,
      ...Array<null>(8).fill(null),
      words.left,
      org.depth,
      org.records,
      org.subjects,
      org.undisclosed,
    ]);
  }
  const header = words.affected.split("|");
  return batched(tableChunks(since ? [...header, ...words.since.split("|")] : header, rows));
}

export function rankCsv(ranks: VendorRank[]): string {
  return table(
    [
      "rank",
      "id",
      "name",
      "kind",
      "records",
      "records_lower_bound",
      "organisations",
      "undisclosed_contracts",
    ],
    ranks.map((r, index) => [
      index + 1,
      r.id,
      r.name,
      r.kind,
      r.records,
      r.undisclosedContracts > 0 ? "yes" : "no",
      r.organisations,
      r.undisclosedContracts,
    ]),
  );
}
