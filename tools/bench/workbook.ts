import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import { REGISTER_TABLES } from "../../domain/index.ts";
import type { RegisterRow, RegisterRows } from "../../register/cells.ts";
import { writeRegisterWorkbook } from "../../register/workbookWriter.ts";
import { generateDataset } from "../generate/generator.ts";
import { realIngest } from "./ingest.ts";
import { time } from "./measure.ts";
import type { Scale } from "./run.ts";

const round = (n: number) => Math.round(n * 10) / 10;

export interface WorkbookFigures {
  contracts: number;
  workbookMiB: number;
  csvSeconds: number;
  workbookSeconds: number;
  /** Workbook load time over CSV load time; the goal is ≤ 2. */
  ratio: number;
  csvPeakRssMiB: number;
  /** The loader's peak resident memory loading the workbook; the goal is ≤ 1,024 MiB. */
  workbookPeakRssMiB: number;
  writeSeconds: number;
}

/** A CSV file's rows as a register table's rows (text by English column). */
async function* csvRows(path: string): AsyncGenerator<RegisterRow> {
  if (!existsSync(path)) return;
  yield* createReadStream(path).pipe(parse({ bom: true, columns: true })) as AsyncIterable<RegisterRow>;
}

/**
 * The same generated dataset loaded twice by the real `npm run ingest -- … --replace`, in the same
 * process: as CSV files (the baseline) and as one Japanese workbook, with each loader's peak RSS.
 */
export async function runWorkbookBench(scale: Scale, log: (line: string) => void): Promise<WorkbookFigures> {
  const dir = mkdtempSync(join(tmpdir(), "keiro-bench-workbook-"));
  try {
    log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts…`);
    await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
    const workbook = join(dir, "register.xlsx");
    log("Writing them as one workbook (Japanese sheets and headers)…");
    const rows: RegisterRows = Object.fromEntries(
      REGISTER_TABLES.map((table) => [table.name, csvRows(join(dir, table.file))]),
    );
    const written = await time(() => writeRegisterWorkbook(workbook, rows, { lang: "ja" }));
    log("Real ingest of the CSV files…");
    const csv = await realIngest(dir);
    log("Real ingest of the workbook…");
    const book = await realIngest(workbook);
    return {
      contracts: written.value.contracts,
      workbookMiB: round(statSync(workbook).size / 2 ** 20),
      csvSeconds: round(csv.ms / 1000),
      workbookSeconds: round(book.ms / 1000),
      ratio: round(book.ms / csv.ms),
      csvPeakRssMiB: csv.peakRssMiB,
      workbookPeakRssMiB: book.peakRssMiB,
      writeSeconds: round(written.ms / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function workbookLine(f: WorkbookFigures): string {
  return (
    `workbook: ${f.contracts.toLocaleString("en-US")} contracts in one .xlsx (${f.workbookMiB} MiB, written in ${f.writeSeconds} s): ` +
    `loaded in ${f.workbookSeconds} s against ${f.csvSeconds} s as CSV (${f.ratio}×; goal ≤ 2×), ` +
    `loader peak RSS ${f.workbookPeakRssMiB} MiB (goal ≤ 1,024; ${f.csvPeakRssMiB} MiB for CSV)`
  );
}
