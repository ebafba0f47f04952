import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { SingleBar } from "cli-progress";
import type { RegisterTableName } from "../domain/index.ts";
import { ExportChangedError, ExportIncompleteError, ExportReads } from "../engine/exportReads.ts";
import { parseLang } from "../locale/index.ts";
import { RegisterCellError } from "../register/cells.ts";
import { existingOutputs, exportRegister, targetOf, targetProblem } from "../register/export.ts";
import { checked, fail, parseCommand, withDatabase } from "./command.ts";

const USAGE = `Usage: npm run export -- FILE.xlsx|DIR [--lang ja|en] [--force]

Writes the dataset loaded in Neo4j back out as a register the loader reads again into the same
graph: an Excel workbook (a name ending in .xlsx; the four tables as sheets, with the template's
header notes, lists and text-formatted date columns) or a folder of the four CSV files
(organisations.csv, outsourcing.csv, incidents.csv, exposures.csv; UTF-8 with a byte order mark,
the folder made if need be). Edit it, then: npm run ingest -- FILE.xlsx|DIR --replace

  --lang L    ja (default) or en: sheet names and headers, and kinds, statuses and confidence as
              Japanese words or as tokens (the loader reads both)
  --force     replace the workbook, or the folder's four CSV files, if they exist (refused otherwise)
  -h, --help  this text

Every row is read from one load: a load that swaps in another dataset during the export stops it,
and nothing is written. The files appear only once complete.

Exit status: 0 written; 1 a wrong argument, nothing loaded, a file that cannot be written or a
load in between (nothing written); 2 the database cannot be reached.`;

const parsed = parseCommand(
  {
    options: {
      lang: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  },
  USAGE,
);
if (parsed.positionals.length !== 1)
  fail(`Expected one workbook or folder, got ${parsed.positionals.length}.\n\n${USAGE}`, 1);
const path = parsed.positionals[0] as string;
const target = targetOf(path);
const lang = checked(() => parseLang(parsed.values.lang));
const problem = targetProblem(target);
if (problem) fail(`${problem}; nothing was written`, 1);
const existing = existingOutputs(target);
if (existing.length > 0 && !parsed.values.force)
  fail(
    `${existing.join(", ")} ${existing.length === 1 ? "exists" : "exist"}; nothing was written (--force replaces ${existing.length === 1 ? "it" : "them"})`,
    1,
  );
if (target.kind === "workbook" && !existsSync(dirname(path)))
  fail(`${path}: the folder ${dirname(path)} does not exist; nothing was written`, 1);

/** Rows of a table between two progress lines when standard error is not a terminal. */
const PLAIN_EVERY = 100_000;
/** A read's time limit: one batch of 10,000 rows, never the whole export. */
const BATCH_TIMEOUT_MS = 120_000;

await withDatabase(
  async ({ driver, config }) => {
    const began = Date.now();
    const reads = new ExportReads(driver, BATCH_TIMEOUT_MS);
    const live = await reads.dataset();
    if (live.stamp.loadedAt === null) fail(`${config.uri} holds no dataset; nothing to export.`, 1);
    const total = (live.organisations ?? 0) + (live.contracts ?? 0) + (live.exposures ?? 0);
    const bar = process.stderr.isTTY
      ? new SingleBar({
          format: "exporting [{bar}] {percentage}% {value}/{total} rows",
          hideCursor: true,
          clearOnComplete: true,
        })
      : undefined;
    // On a terminal a bar; in a log, a plain line every PLAIN_EVERY rows of a table.
    const written: Record<RegisterTableName, number> = {
      organisations: 0,
      contracts: 0,
      incidents: 0,
      exposures: 0,
    };
    bar?.start(total, 0);
    try {
      const tables = {
        organisations: reads.rows("organisations"),
        contracts: reads.rows("contracts"),
        incidents: reads.rows("incidents"),
        exposures: reads.rows("exposures"),
      };
      const counts = await exportRegister(target, tables, {
        lang,
        onRows: (table, count) => {
          const before = written[table];
          written[table] += count;
          // Incidents are not in the load's recorded sizes: the bar counts the other three.
          if (bar && table !== "incidents") bar.increment(count);
          if (!bar && Math.floor(written[table] / PLAIN_EVERY) > Math.floor(before / PLAIN_EVERY))
            process.stderr.write(`${table}: ${written[table].toLocaleString("en")} rows written\n`);
        },
      });
      bar?.stop();
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      process.stdout.write(
        `Exported ${live.stamp.name ?? "the dataset"} (loaded ${live.stamp.loadedAt}) to ${path} (${lang}): ` +
          `${counts.organisations} organisations, ${counts.contracts} contracts, ${counts.incidents} incidents, ` +
          `${counts.exposures} exposures in ${seconds} s.\n`,
      );
    } finally {
      bar?.stop();
    }
  },
  {
    unreachable: " Nothing was written.",
    refusal: (error) => {
      if (error instanceof ExportChangedError || error instanceof ExportIncompleteError) return error.message;
      if (error instanceof RegisterCellError) return `${path}: ${error.message}; nothing was written`;
      const code = (error as NodeJS.ErrnoException).code;
      if (
        code === "EACCES" ||
        code === "ENOSPC" ||
        code === "EROFS" ||
        code === "ENOTDIR" ||
        code === "EISDIR"
      )
        return `${path}: ${(error as Error).message}; nothing was written`;
      return undefined;
    },
  },
);
