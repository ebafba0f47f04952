import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { isWorkbookPath, REGISTER_TABLES, tableOfSheet } from "../../domain/index.ts";
import {
  type DatasetOrigin,
  MAX_PROBLEMS,
  type OnParsed,
  type Problem,
  type ValidatedDataset,
  validateDataset,
} from "../dataset.ts";
import type { TableName } from "../tables.ts";
import { type ConvertedSheet, convertSheets } from "./convert.ts";
import { indexSheets, type SheetIndex } from "./sheetIndex.ts";

/** A validated workbook: its sheets as CSV files in a folder of its own, removed by `dispose`. */
export interface ValidatedWorkbook {
  dataset: ValidatedDataset;
  dispose(): Promise<void>;
}

/**
 * A dataset as the command line names it, validated: a folder of CSV files in place, or a
 * workbook read out once (`onRow("cells")` per row read). `dispose` removes what was read out.
 */
export async function validateSource(
  path: string,
  onRow: (table: TableName | "cells") => void = () => {},
  onParsed?: OnParsed,
): Promise<ValidatedWorkbook> {
  if (isWorkbookPath(path)) return validateWorkbook(path, onRow, onParsed);
  return { dataset: await validateDataset(path, onRow, undefined, onParsed), dispose: async () => {} };
}

/**
 * Checks a workbook (DOMAIN.md, "The same dataset as an Excel workbook"): its sheets are found
 * by name, its cells read once, streaming, and written out as the four CSV files, which are then
 * validated exactly as a dataset folder is; every problem is reported as
 * `FILE.xlsx!SHEET:ROW: message`. The load reads those files: the workbook is parsed once.
 */
export async function validateWorkbook(
  path: string,
  onRow: (table: TableName | "cells") => void = () => {},
  onParsed?: OnParsed,
): Promise<ValidatedWorkbook> {
  const dir = await mkdtemp(join(tmpdir(), "keiro-workbook-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    return { dataset: await validate(path, dir, onRow, onParsed), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function validate(
  path: string,
  dir: string,
  onRow: (table: TableName | "cells") => void,
  onParsed?: OnParsed,
): Promise<ValidatedDataset> {
  const name = basename(path);
  const refused = (message: string, line = 0): ValidatedDataset => ({
    dir,
    name,
    files: [],
    fingerprint: "",
    rows: { organisations: 0, contracts: 0, incidents: 0, exposures: 0 },
    problems: [{ file: path, line, message }],
    problemCount: 1,
  });

  let index: SheetIndex;
  try {
    index = await indexSheets(path);
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not a readable .xlsx workbook";
    return refused(`${why} (${(error as Error).message})`);
  }
  const structural = sheetProblems(path, index);
  if (structural.length > 0) return { ...refused(""), problems: structural, problemCount: structural.length };

  const cellProblems: Problem[] = [];
  let cellProblemCount = 0;
  for (const [sheet, ranges] of index.merges) {
    if (!tableOfSheet(sheet)) continue;
    for (const range of ranges) {
      cellProblemCount += 1;
      if (cellProblems.length < MAX_PROBLEMS)
        cellProblems.push({
          file: `${path}!${sheet}`,
          line: Number(/\d+/.exec(range)?.[0]),
          message: `merged cells ${range}: unmerge them and type the value in every row`,
        });
    }
  }
  const sheets = await convertSheets(
    path,
    index,
    dir,
    (problem) => {
      cellProblemCount += 1;
      if (cellProblems.length < MAX_PROBLEMS)
        cellProblems.push({ file: `${path}!${problem.sheet}`, line: problem.row, message: problem.message });
    },
    () => onRow("cells"),
  );

  const dataset = await validateDataset(dir, onRow, workbookOrigin(path, sheets), onParsed);
  // Cell problems and row problems together, in the order of the sheets and rows.
  const order = (problem: Problem) =>
    REGISTER_TABLES.findIndex((t) => problem.file === `${path}!${sheets.get(t.name)?.sheet}`);
  const problems = [...cellProblems, ...dataset.problems]
    .sort((a, b) => order(a) - order(b) || a.line - b.line)
    .slice(0, MAX_PROBLEMS);
  return { ...dataset, problems, problemCount: cellProblemCount + dataset.problemCount };
}

/** Missing or doubled table sheets: the workbook cannot be read as a dataset at all. */
function sheetProblems(path: string, index: SheetIndex): Problem[] {
  const problems: Problem[] = [];
  for (const table of REGISTER_TABLES) {
    const held = index.names.filter((sheet) => tableOfSheet(sheet)?.name === table.name);
    const names = `"${table.sheets.en}" or "${table.sheets.ja}"`;
    if (held.length > 1)
      problems.push({
        file: path,
        line: 0,
        message: `sheets ${held.map((s) => `"${s}"`).join(" and ")} both hold ${table.sheets.en}: keep one`,
      });
    else if (held.length === 0 && (table.name === "organisations" || table.name === "contracts"))
      problems.push({ file: path, line: 0, message: `no sheet named ${names} (it is required)` });
  }
  return problems;
}

/** Places in the written CSV files, as the workbook's sheets and rows. */
function workbookOrigin(path: string, sheets: Map<TableName, ConvertedSheet>): DatasetOrigin {
  return {
    name: basename(path),
    place: (spec, _file, _line, ordinal) => {
      const sheet = sheets.get(spec.name);
      return { file: `${path}!${sheet?.sheet ?? spec.name}`, line: sheet?.rows.at(ordinal - 1) ?? 0 };
    },
    label: (table) =>
      `sheet "${sheets.get(table)?.sheet ?? REGISTER_TABLES.find((t) => t.name === table)?.sheets.en}"`,
    unit: "row",
  };
}
