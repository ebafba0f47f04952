import type { BlastRadius, VendorRank } from "../domain/index.ts";
import { batched, joinedInChunks } from "./chunks.ts";
import type { SinceReport } from "./document.ts";
import { type ReportLang, reportedText } from "./words.ts";

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

const line = (row: (string | number | null)[]) => row.map(csvCell).join(",");

function table(header: string[], rows: (string | number | null)[][]): string {
  return [...tableChunks(header, rows)].join("");
}

/** The same text as `table`, in pieces. */
function* tableChunks(header: string[], rows: (string | number | null)[][]): Generator<string> {
  yield `${BOM}${line(header)}\r\n`;
  yield* joinedInChunks(rows, line, "\r\n");
  if (rows.length > 0) yield "\r\n";
}

const HEADERS: Record<ReportLang, { affected: string[]; since: string[] }> = {
  // English headers stay the machine-friendly names they always had.
  en: {
    affected: [
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
    since: ["change", "depth_then", "records_then", "subjects_then", "undisclosed_contracts_then"],
  },
  ja: {
    affected: [
      "ID",
      "名称",
      "英語名",
      "種別",
      "地域",
      "段数",
      "件数",
      "件数は下限",
      "人数",
      "件数非公表の契約",
      "経路",
      "公表値",
    ],
    since: ["変化", "以前の段数", "以前の件数", "以前の人数", "以前の件数非公表の契約"],
  },
};

const WORDS: Record<ReportLang, { yes: string; no: string } & Record<Change, string>> = {
  en: { yes: "yes", no: "no", entered: "entered", left: "left", changed: "changed", unchanged: "unchanged" },
  ja: {
    yes: "はい",
    no: "いいえ",
    entered: "新たに影響",
    left: "影響なしに",
    changed: "数値が変化",
    unchanged: "変化なし",
  },
};

type Change = "entered" | "left" | "changed" | "unchanged";

/**
 * One row per affected organisation; `records_lower_bound` says when records misses some. With
 * `since`, one table still (a spreadsheet filters it by the change column): each row says whether
 * it entered, changed or stayed, with its figures then, and the organisations that left the blast
 * radius follow with their figures then only. The totals then → now are in the other formats.
 */
export function blastRadiusCsv(
  result: BlastRadius,
  lang: ReportLang = "ja",
  since?: SinceReport,
): Generator<string> {
  const words = WORDS[lang];
  const then = new Map(since?.earlier.affected.map((a) => [a.id, a]));
  const changed = new Set(since?.changes.changed.map((c) => c.id));
  const rows = result.affected.map((org) => {
    const row: (string | number | null)[] = [
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
      org.reported.map((r) => reportedText(r, lang)).join("; "),
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
      ...Array<null>(7).fill(null),
      words.left,
      org.depth,
      org.records,
      org.subjects,
      org.undisclosed,
    ]);
  }
  const header = HEADERS[lang];
  return batched(tableChunks(since ? [...header.affected, ...header.since] : header.affected, rows));
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
