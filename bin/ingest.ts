import { rmSync } from "node:fs";
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
import { StagingMismatchError } from "../ingest/staged.ts";
import { validateSource } from "../ingest/workbook/index.ts";
import { applySchema } from "../neo4j/schema.ts";
import { fail, parseCommand, withDatabase } from "./command.ts";

/** Exit 3: another load is running; nothing was written. */
const EXIT_LOAD_RUNNING = 3;
/** Exit 4: the server had too little memory for the load's transaction; nothing was changed. */
const EXIT_SERVER_MEMORY = 4;
const OUT_OF_TRANSACTION_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";

const USAGE = `Usage: npm run ingest -- DIR|FILE.xlsx [--replace] [--dry-run]

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
  -h, --help  this text

Exit status: 0 loaded (or valid, with --dry-run); 1 invalid input, nothing written;
2 the database cannot be reached; 3 another load is running, nothing written; 4 the server had
too little transaction memory for the swap, nothing changed (give it more heap).`;

async function main(): Promise<void> {
  const parsed = parseCommand(
    {
      options: {
        replace: { type: "boolean" },
        "dry-run": { type: "boolean" },
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
  const source = await readSource(dir);
  try {
    await ingest(parsed.values, dir, began, source.dataset);
  } finally {
    await source.dispose();
  }
}

/** A folder of CSV files is validated in place; a workbook's sheets are first read out (once). */
async function readSource(
  path: string,
): Promise<{ dataset: ValidatedDataset; dispose: () => Promise<void> }> {
  const bar =
    process.stderr.isTTY && isWorkbookPath(path)
      ? new SingleBar({ format: "reading {file} {value} rows", hideCursor: true, clearOnComplete: true })
      : undefined;
  bar?.start(0, 0, { file: path });
  try {
    const source = await validateSource(path, (what) => {
      if (what === "cells") bar?.increment();
    });
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

async function ingest(
  values: { replace?: boolean; "dry-run"?: boolean },
  dir: string,
  began: number,
  dataset: ValidatedDataset,
): Promise<void> {
  const phases: string[] = [];
  let staged = false;
  // The first phase, validation (a workbook read out first), began with the command.
  let phaseStart = began;
  const endPhase = (name: string) => {
    phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = Date.now();
  };
  endPhase("validated");
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

  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: "loading [{bar}] {percentage}% {value}/{total} rows",
        hideCursor: true,
        clearOnComplete: true,
      })
    : undefined;
  await withDatabase(
    async ({ driver, config }) => {
      try {
        await applySchema(driver);
        bar?.start(rowTotal, 0);
        const summary = await loadDataset(driver, dataset, {
          replace: values.replace === true,
          onRows: (count) => bar?.increment(count),
          onPhase: (phase) => {
            if (phase === "swap") {
              bar?.stop();
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
        bar?.stop();
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
