import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  isWorkbookPath,
  REGISTER_TABLES,
  type RegisterLang,
  type RegisterTableName,
} from "../domain/index.ts";
import type { RegisterRow, RegisterRows } from "./cells.ts";
import { writeRegisterCsv } from "./csvWriter.ts";
import { type RowCounts, writeRegisterWorkbook } from "./workbookWriter.ts";

/**
 * The loaded dataset back out as a register (`npm run export`): a workbook or a folder of CSV
 * files that the loader reads back into the same graph. The rows come from the graph (the engine
 * reads them, keyed by the register's English columns, as stored); here they become text as CSV
 * holds it: a list joined by `;`, a count in digits, an absent property an empty cell.
 */

/** A row as the graph stores it, keyed by the register's English columns. */
export type StoredRow = Readonly<Record<string, unknown>>;

/** Where an export goes: a workbook (a path ending in .xlsx) or a folder of the four CSV files. */
export type ExportTarget = { kind: "workbook"; path: string } | { kind: "folder"; dir: string };

export function targetOf(path: string): ExportTarget {
  return isWorkbookPath(path) ? { kind: "workbook", path } : { kind: "folder", dir: path };
}

/** The files an export to `target` would replace, that exist already (refused without --force). */
export function existingOutputs(target: ExportTarget): string[] {
  if (target.kind === "workbook") return existsSync(target.path) ? [target.path] : [];
  return REGISTER_TABLES.map((table) => join(target.dir, table.file)).filter((path) => existsSync(path));
}

/** Why `target` cannot be written to, or undefined: its folder must exist and be a folder. */
export function targetProblem(target: ExportTarget): string | undefined {
  if (target.kind === "workbook") {
    if (existsSync(target.path) && statSync(target.path).isDirectory()) return `${target.path} is a folder`;
    return undefined;
  }
  if (existsSync(target.dir) && !statSync(target.dir).isDirectory())
    return `${target.dir} is a file, not a folder (a workbook's name ends in .xlsx)`;
  return undefined;
}

/** A stored value as CSV text: a list joined by `;` (as typed), a number in digits, absent as empty. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(";");
  return String(value);
}

export function registerRowOf(stored: StoredRow): RegisterRow {
  return Object.fromEntries(Object.entries(stored).map(([column, value]) => [column, textOf(value)]));
}

async function* asRegisterRows(rows: AsyncIterable<StoredRow>): AsyncIterable<RegisterRow> {
  for await (const row of rows) yield registerRowOf(row);
}

/**
 * Writes the stored rows of each table to `target` in `lang`. `tables` is read table by table,
 * in load order, each as the writer takes its rows: a million contracts stream through.
 */
export async function exportRegister(
  target: ExportTarget,
  tables: Record<RegisterTableName, AsyncIterable<StoredRow>>,
  options: { lang: RegisterLang; onRows?: (table: RegisterTableName, count: number) => void },
): Promise<RowCounts> {
  const rows: RegisterRows = Object.fromEntries(
    REGISTER_TABLES.map((table) => [table.name, asRegisterRows(tables[table.name])]),
  );
  return target.kind === "workbook"
    ? writeRegisterWorkbook(target.path, rows, options)
    : writeRegisterCsv(target.dir, rows, options);
}
