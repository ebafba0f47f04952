import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { isWorkbookPath } from "../domain/index.ts";
import {
  DatasetChangedError,
  formatProblem,
  MAX_PROBLEMS,
  type ValidatedDataset,
} from "../ingest/dataset.ts";
import { loadDataset } from "../ingest/load.ts";
import { LoadRunningError } from "../ingest/lock.ts";
import { ImportCsvWriter } from "../ingest/offline/csv.ts";
import { lockFileHolder, lockFileRefusal } from "../ingest/offline/lockFile.ts";
import {
  OfflineLoadFailed,
  OfflineRefusal,
  offlineInstance,
  offlineLoad,
  recoverInterruptedOffline,
} from "../ingest/offline/pipeline.ts";
import { Progress } from "../ingest/progress.ts";
import { StagingMismatchError } from "../ingest/staged.ts";
import { validateSource } from "../ingest/workbook/index.ts";
import { AdminCommandError } from "../neo4j/bundled/admin.ts";
import { localInstance } from "../neo4j/config.ts";
import { applySchema } from "../neo4j/schema.ts";
import { fail, parseCommand, withDatabase } from "./command.ts";

/** Exit 3: another load is running; nothing was written. */
const EXIT_LOAD_RUNNING = 3;
/** Exit 4: the server had too little memory for the load's transaction; nothing was changed. */
const EXIT_SERVER_MEMORY = 4;
/** Exit 5 (--offline): the importer or a later step failed; the previous graph is as it was, the server running. */
const EXIT_IMPORT_FAILED = 5;
const OUT_OF_TRANSACTION_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";

const USAGE = `Usage: npm run ingest -- DIR|FILE.xlsx [--replace] [--dry-run] [--offline]

Validates a dataset and loads it into Neo4j, all or nothing: the folder DIR (organisations.csv,
outsourcing.csv, and optionally incidents.csv and exposures.csv), or one Excel workbook holding
the same tables as sheets (organisations/組織, outsourcing/委託, incidents/事案, exposures/漏えい).
Headers may be English or Japanese; see docs/data-format.md. \`npm run template\` writes an empty
workbook to fill in. A problem is reported as file:line (a workbook's as FILE.xlsx!SHEET:ROW).
Into an empty graph, or with --replace, the rows are staged beside the live graph in batches and
swapped in by one transaction; readers see the old graph or the new one, never a mix. Into a
graph that already holds data, without --replace, the rows are merged in one transaction.

  --replace   the dataset replaces the whole graph (the old one is deleted after the swap)
  --dry-run   validate only; the database is not touched
  --offline   a first load of a big dataset through Neo4j's offline importer (neo4j-admin database
              import full: the store written directly, no transactions), into the bundled server
              only (refused when NEO4J_URI is set). It means DOWNTIME: the new store is imported
              beside the live one, then the server is stopped, the new store swapped in and the
              server started again; a running \`npm run serve\` answers 503 while it is down, waits
              while the new graph's search keys, counts and indexes are made, then answers from
              it by itself. All or nothing: any failure puts the previous store back and restarts
              the server. Replaces the whole graph, so a graph that holds data needs --replace.
  -h, --help  this text

Exit status: 0 loaded (or valid, with --dry-run); 1 invalid input, nothing written;
2 the database cannot be reached; 3 another load is running (online or offline), nothing written;
4 the server had too little transaction memory for the swap, nothing changed (give it more heap);
5 (--offline) the importer or a later step failed, the previous graph back as it was.
Environment for --offline: KEIRO_IMPORT_HEAP (the importer's Java heap, 1g),
KEIRO_IMPORT_MEMORY (its --max-off-heap-memory; unset, the importer's own default).`;

async function main(): Promise<void> {
  const parsed = parseCommand(
    {
      options: {
        replace: { type: "boolean" },
        "dry-run": { type: "boolean" },
        offline: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (parsed.positionals.length !== 1)
    fail(`Expected one dataset folder or workbook, got ${parsed.positionals.length}.\n\n${USAGE}`, 1);
  const dir = parsed.positionals[0] as string;
  const began = Date.now();
  // Refused before the dataset is read: no point validating a million rows for a server not ours.
  const offline = parsed.values.offline && !parsed.values["dry-run"] ? offlineCsv() : undefined;
  const source = await readSource(dir, offline);
  try {
    await ingest(parsed.values, dir, began, source.dataset, offline);
  } finally {
    await source.dispose();
  }
}

/** What --offline writes while it validates: the importer's CSV files, in a private folder. */
interface OfflineCsv {
  dir: string;
  writer: ImportCsvWriter;
}

function offlineCsv(): OfflineCsv {
  // Refused before the dataset is read: no point validating a million rows for a server not ours.
  refuseOr(offlineInstance);
  const dir = mkdtempSync(join(tmpdir(), "keiro-offline-csv-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return { dir, writer: new ImportCsvWriter(dir) };
}

/** A folder of CSV files is validated in place; a workbook's sheets are first read out (once). */
async function readSource(
  path: string,
  offline: OfflineCsv | undefined,
): Promise<{ dataset: ValidatedDataset; dispose: () => Promise<void> }> {
  const bar =
    process.stderr.isTTY && isWorkbookPath(path)
      ? new SingleBar({ format: "reading {file} {value} rows", hideCursor: true, clearOnComplete: true })
      : undefined;
  bar?.start(0, 0, { file: path });
  // --offline converts as it validates, a long phase on a big dataset: it says how far it is.
  const progress = offline ? new Progress() : undefined;
  let rows = 0;
  try {
    const source = await validateSource(
      path,
      (what) => {
        if (what === "cells") bar?.increment();
        else if (progress && ++rows % 10_000 === 0) {
          if (rows === 10_000) {
            bar?.stop();
            progress.phase("validating and converting", 0);
          }
          progress.update(rows);
        }
      },
      offline ? (spec, row) => offline.writer.row(spec, row) : undefined,
    );
    progress?.end();
    // `fail` exits at once: the private folder a workbook was read out to is removed on the way
    // out too (never a dataset folder: that one is the analyst's).
    if (isWorkbookPath(path)) {
      const readOut = source.dataset.dir;
      process.once("exit", () => rmSync(readOut, { recursive: true, force: true }));
    }
    return source;
  } finally {
    bar?.stop();
  }
}

/** Runs `check`; an OfflineRefusal or LoadRunningError it throws ends the command with its exit status. */
function refuseOr<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof OfflineRefusal) fail(error.message, error.exitCode);
    if (error instanceof LoadRunningError) fail(error.message, EXIT_LOAD_RUNNING);
    throw error;
  }
}

async function ingest(
  values: { replace?: boolean; "dry-run"?: boolean; offline?: boolean },
  dir: string,
  began: number,
  dataset: ValidatedDataset,
  offlineCsv: OfflineCsv | undefined,
): Promise<void> {
  const phases: string[] = [];
  let staged = false;
  // The first phase, validation (a workbook read out first), began with the command.
  let phaseStart = began;
  const endPhase = (name: string) => {
    phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = Date.now();
  };
  endPhase(offlineCsv ? "validated and converted" : "validated");
  if (dataset.problemCount > 0) {
    for (const problem of dataset.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (dataset.problemCount > MAX_PROBLEMS) {
      process.stderr.write(`… and ${dataset.problemCount - MAX_PROBLEMS} more problems.\n`);
    }
    fail(
      `${dir}: ${dataset.problemCount} problem${dataset.problemCount === 1 ? "" : "s"}; nothing was loaded.`,
      1,
    );
  }
  const { organisations, contracts, incidents, exposures } = dataset.rows;
  const rowTotal = organisations + contracts + incidents + exposures;
  const counted = `${organisations} organisations, ${contracts} contracts, ${incidents} incidents, ${exposures} exposures`;
  if (values["dry-run"]) {
    process.stdout.write(`${dir} is valid: ${counted} (dry run: nothing written).\n`);
    return;
  }

  if (offlineCsv)
    return offline(values.replace === true, dir, began, dataset, offlineCsv, counted, endPhase, phases);
  const progress = new Progress();
  if (!process.env.NEO4J_URI) {
    // The bundled server: an offline load may own it (its lock file), or may have been killed
    // after its swap, leaving the graph before it aside to be put back first.
    const instance = localInstance();
    const holder = lockFileHolder(instance);
    if (holder) fail(lockFileRefusal(holder).message, EXIT_LOAD_RUNNING);
    await refuseOr(() => recoverInterruptedOffline(instance, progress));
  }
  await withDatabase(
    async ({ driver, config }) => {
      try {
        await applySchema(driver);
        progress.phase("loading", rowTotal);
        const summary = await loadDataset(driver, dataset, {
          replace: values.replace === true,
          onRows: (count) => progress.increment(count),
          onPhase: (phase) => {
            if (phase === "swap") {
              progress.end();
              endPhase("staged");
            } else if (phase === "retire") {
              endPhase("swapped");
              if (process.stderr.isTTY) process.stderr.write("Deleting the previous graph…\n");
            } else if (phase === "stage") {
              staged = true;
              endPhase("leftovers swept");
            }
          },
        });
        endPhase(staged ? "retired graph deleted" : "merged");
        const seconds = ((Date.now() - began) / 1000).toFixed(2);
        process.stdout.write(
          `Loaded ${dir} (${counted}) in ${seconds} s into ${config.uri}; the graph now holds ` +
            `${summary.organisations} organisations, ${summary.contracts} contracts, ${summary.incidents} incidents, ` +
            `${summary.exposures} exposures. Fingerprint ${dataset.fingerprint.slice(0, 12)}. (${phases.join(", ")})\n`,
        );
      } finally {
        progress.end();
      }
    },
    {
      unreachable: " Nothing was loaded.",
      refusal: (error) => {
        if (error instanceof LoadRunningError) return { message: error.message, code: EXIT_LOAD_RUNNING };
        if (error instanceof DatasetChangedError) return error.message;
        if ((error as { code?: string }).code === OUT_OF_TRANSACTION_MEMORY)
          return {
            message: `The server ran out of transaction memory (${(error as Error).message.split("\n")[0]}). The live graph is as it was: the swap is one transaction, and it grows with the number of organisations. Give the server more heap (the bundled one: KEIRO_NEO4J_HEAP=4g npm run db:stop && npm run db:start) or raise dbms.memory.transaction.total.max, then load again.`,
            code: EXIT_SERVER_MEMORY,
          };
        return error instanceof StagingMismatchError ? error.message : undefined;
      },
    },
  );
}

await main();

/** `--offline`: the bundled server's store made by Neo4j's importer (ingest/offline/pipeline.ts). */
async function offline(
  replace: boolean,
  dir: string,
  began: number,
  dataset: ValidatedDataset,
  csv: OfflineCsv,
  counted: string,
  endPhase: (name: string) => void,
  phases: string[],
): Promise<void> {
  const instance = refuseOr(offlineInstance);
  const progress = new Progress();
  try {
    const converted = await csv.writer.close();
    const { summary, uri, downtime } = await offlineLoad(instance, dataset, converted, csv.dir, {
      replace,
      progress,
      endPhase,
    });
    const seconds = ((Date.now() - began) / 1000).toFixed(2);
    process.stdout.write(
      `Loaded ${dir} (${counted}) offline in ${seconds} s into ${uri}, the server down ${downtime.toFixed(1)} s; the graph now holds ` +
        `${summary.organisations} organisations, ${summary.contracts} contracts, ${summary.incidents} incidents, ` +
        `${summary.exposures} exposures. Fingerprint ${dataset.fingerprint.slice(0, 12)}. (${phases.join(", ")})\n`,
    );
  } catch (error) {
    if (error instanceof OfflineRefusal) fail(error.message, error.exitCode);
    if (error instanceof LoadRunningError) fail(error.message, EXIT_LOAD_RUNNING);
    if (error instanceof DatasetChangedError) fail(error.message, 1);
    if (error instanceof AdminCommandError)
      fail(
        `${error.output}\nNeo4j's importer failed (exit ${error.exitCode}); the graph is as it was and the server runs on it.`,
        EXIT_IMPORT_FAILED,
      );
    if (error instanceof OfflineLoadFailed) fail(error.message, EXIT_IMPORT_FAILED);
    throw error;
  }
}
