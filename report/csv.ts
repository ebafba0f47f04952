import type { BlastRadius, VendorRank } from "../domain/index.ts";
import { reportedText } from "./words.ts";

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

function table(header: string[], rows: (string | number | null)[][]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** One row per affected organisation. `records_lower_bound` says when records misses some. */
export function blastRadiusCsv(result: BlastRadius): string {
  return table(
    [
      "id",
      "name",
      "name_en",
      "kind",
      "region",
      "depth",
      "records",
      "records_lower_bound",
      "subjects",
      "undisclosed_contracts",
      "path",
      "reported",
    ],
    result.affected.map((org) => [
      org.id,
      org.name,
      org.nameEn,
      org.kind,
      org.region,
      org.depth,
      org.records,
      org.undisclosed > 0 ? "yes" : "no",
      org.subjects,
      org.undisclosed,
      org.path.join(" > "),
      org.reported.map((r) => reportedText(r)).join("; "),
    ]),
  );
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
