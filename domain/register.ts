import type { ExposureStatus } from "./incident.ts";
import type { KnownKind } from "./organisation.ts";

/**
 * A register as analysts keep it (委託先管理台帳): the four tables of a dataset, as CSV files or
 * as the sheets of one workbook, with English or Japanese headers and Japanese words for the
 * tokens (DOMAIN.md, "The same dataset as an Excel workbook"). Ingest reads these names, the
 * template and the export write them, and the Japanese locale shows the same words.
 */

/** A contract's confidence: confirmed by a source, or only possible (weakly sourced, inferred). */
export const CONFIDENCES = ["confirmed", "possible"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The register's tables, in load order; `file` is the CSV file, `sheet` the workbook's sheet. */
export const REGISTER_TABLES = [
  {
    name: "organisations",
    file: "organisations.csv",
    sheets: { en: "organisations", ja: "組織" },
    columns: {
      id: "組織ID",
      name: "名称",
      name_en: "英語名",
      kind: "種別",
      sector: "業種",
      region: "地域",
      source: "出典",
    },
  },
  {
    name: "contracts",
    file: "outsourcing.csv",
    sheets: { en: "outsourcing", ja: "委託" },
    columns: {
      id: "委託ID",
      consignor: "委託元",
      contractor: "委託先",
      service: "委託業務",
      records: "件数",
      subjects: "人数",
      data_categories: "項目",
      since: "開始日",
      until: "終了日",
      delete_by: "削除期限",
      carries: "再委託範囲",
      confidence: "確度",
      source: "出典",
    },
  },
  {
    name: "incidents",
    file: "incidents.csv",
    sheets: { en: "incidents", ja: "事案" },
    columns: {
      id: "事案ID",
      victim: "被害組織",
      kind: "種類",
      discovered: "発覚日",
      disclosed: "公表日",
      actor: "攻撃者",
      source: "出典",
    },
  },
  {
    name: "exposures",
    file: "exposures.csv",
    sheets: { en: "exposures", ja: "漏えい" },
    columns: {
      incident: "事案ID",
      organisation: "組織ID",
      records: "件数",
      subjects: "人数",
      gross_records: "延べ件数",
      data_categories: "項目",
      status: "状況",
      reported_on: "報告日",
      learned_on: "把握日",
      source: "出典",
    },
  },
] as const;

export type RegisterTable = (typeof REGISTER_TABLES)[number];
export type RegisterTableName = RegisterTable["name"];
export type RegisterLang = "en" | "ja";

/** Whether a path names a workbook (`.xlsx`) rather than a folder of CSV files. */
export function isWorkbookPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** Columns that hold a day or a period: a workbook's date cells are read (and written) here. */
export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  "since",
  "until",
  "delete_by",
  "discovered",
  "disclosed",
  "reported_on",
  "learned_on",
]);

/** Columns that hold a whole number: a workbook's number cells are read (and written) here. */
export const COUNT_COLUMNS: ReadonlySet<string> = new Set(["records", "subjects", "gross_records"]);

/** The Japanese words for kinds of organisation (DOMAIN.md); the locale shows the same words. */
export const KIND_WORDS = {
  prefecture: "都道府県",
  municipality: "市区町村",
  bank: "銀行",
  shinkin_bank: "信用金庫",
  insurer: "保険会社",
  health_insurance_society: "健康保険組合",
  company: "企業",
  shared_service: "共同事務センター",
  print_mail_vendor: "印刷・発送業者",
  it_vendor: "ITベンダー",
  logistics_vendor: "物流業者",
  education: "教育機関",
  association: "団体",
  aggregate: "複数組織の集計",
  other: "その他",
} as const satisfies Record<KnownKind, string>;

/** The Japanese words for a reported exposure's status. */
export const STATUS_WORDS = {
  confirmed: "確定",
  possible: "可能性あり",
  ruled_out: "否定",
} as const satisfies Record<ExposureStatus, string>;

/** The Japanese words for a contract's confidence (not the words of an exposure's status). */
export const CONFIDENCE_WORDS = {
  confirmed: "確認済み",
  possible: "未確認",
} as const satisfies Record<Confidence, string>;

/** A header or a word as typed: full-width forms folded (NFKC), spaces dropped, lower case. */
export function registerKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function reverse(words: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(words).map(([token, word]) => [registerKey(word), token]));
}

const TOKEN_OF_WORD = {
  kind: reverse(KIND_WORDS),
  status: reverse(STATUS_WORDS),
  confidence: reverse(CONFIDENCE_WORDS),
};

/** The token a cell names: the token itself, or its Japanese word (spaces ignored). */
export function tokenOf(list: keyof typeof TOKEN_OF_WORD, value: string): string {
  return TOKEN_OF_WORD[list].get(registerKey(value)) ?? value;
}

/** The Japanese word for a token of a list. */
export function wordOf(list: keyof typeof TOKEN_OF_WORD, token: string): string {
  const words: Record<string, string> =
    list === "kind" ? KIND_WORDS : list === "status" ? STATUS_WORDS : CONFIDENCE_WORDS;
  return words[token] ?? token;
}

/** The English column a header names (English or Japanese), or undefined for an extra column. */
export function columnOf(table: RegisterTableName, header: string): string | undefined {
  return COLUMN_OF_HEADER.get(table)?.get(registerKey(header));
}

const COLUMN_OF_HEADER = new Map<RegisterTableName, ReadonlyMap<string, string>>(
  REGISTER_TABLES.map((table) => {
    const names = new Map<string, string>();
    for (const [column, word] of Object.entries(table.columns)) {
      names.set(registerKey(column), column);
      names.set(registerKey(word), column);
    }
    return [table.name, names];
  }),
);

/** The table a workbook sheet holds, by its English or Japanese name; undefined: not a table. */
export function tableOfSheet(sheet: string): RegisterTable | undefined {
  const key = registerKey(sheet);
  return REGISTER_TABLES.find((t) => registerKey(t.sheets.en) === key || registerKey(t.sheets.ja) === key);
}

/** The header a column has in the given language. */
export function headerOf(table: RegisterTable, column: string, lang: RegisterLang): string {
  return lang === "ja" ? ((table.columns as Record<string, string>)[column] ?? column) : column;
}
