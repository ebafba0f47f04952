import { startDatabase } from "../neo4j/bundled/lifecycle.ts";
import { connect } from "../neo4j/connect.ts";
import { applySchema } from "../neo4j/schema.ts";
import { runCopyRow } from "../tools/bench/copyRow.ts";
import { estimateRowLine, runEstimateRow } from "../tools/bench/estimateRow.ts";
import { benchTable, notifyLine, reloadLines } from "../tools/bench/print.ts";
import { largeBenchLines } from "../tools/bench/print10m.ts";
import { runBench, runNotifyBench, runReloadBench, SCALES } from "../tools/bench/run.ts";
import { runLargeBench } from "../tools/bench/run10m.ts";
import { runWorkbookBench, workbookLine } from "../tools/bench/workbook.ts";
import { fail, parseCommand } from "./command.ts";

const USAGE = `Usage: npm run bench -- [--scale small|full|10m] [--json] [--reuse] [--dataset DIR] [--large]
       [--only notify|reload|workbook|estimate|copy]

Measures Keiro on a generated dataset against a naive baseline run in the same process:
  small ≈ 3,000 organisations / 12,000 contracts (a quick look), full = 100,000 / 1,000,000,
  10m = 1,000,000 / 10,000,000.
Rows: ingest, impact, rank, api (20 clients asking blast radii for 30 s), reload (the same 20
clients while \`npm run ingest -- DIR --replace\` reloads the dataset: over the whole reload,
the swap and the API's copy rebuild, at least 30 s; requests/s, p95, max, and every answer that
is not a 200 by status, timeouts and failed requests; target 0 errors, p95 < 500 ms), web.
Uses the bundled server's "bench" instance (port 7689), or the server KEIRO_BENCH_NEO4J_URI
names (whose graph it replaces); never the one NEO4J_URI names.
--reuse skips generating and loading: it measures the graph already loaded (ingest: null).
--only notify measures breach response alone: the API's first page sorted by deadline and the
whole answer streamed for the biggest vendor, and computing and writing 1,000 packets.
--only reload measures the reload row alone (loading the dataset first unless --reuse).
--only estimate measures what the estimate of the undisclosed and the confirmed part add to the
biggest vendor's answer from the API's in-memory copy (one contract in 50 marked possible).
--only copy measures the API's in-memory copy of the graph already loaded: build time, RSS while
building and 10 s after, bytes per contract over a listening API (KEIRO_BENCH_API_ROOT: another
checkout's API on the same graph).
--only workbook loads the same generated dataset as CSV files and as one Japanese .xlsx
workbook with the real \`npm run ingest\` (time, ratio, each loader's peak RSS).
--scale 10m loads with the offline loader (\`ingest --offline --replace\`) into the "bench10m"
instance (port 9531, 4 GB heap, 5 GB page cache), then measures the API's in-memory copy (build
time, steady RSS, bytes per contract, the ranking in the build, peak RSS while a reload builds the
next copy), the biggest and a median vendor through the API and Cypher, 20 clients for 30 s,
notify's first page and the grouped web view of the biggest radius; no naive loader and no
in-process reference (both hold every contract as an object). --large measures any scale so.
--dataset DIR: a folder \`npm run generate\` wrote for this scale (seed 1), loaded instead of
generating one (and kept).
The instance is KEIRO_INSTANCE (default "bench", "bench10m" at 10m) on KEIRO_BOLT_PORT.`;

const { values } = parseCommand(
  {
    options: {
      scale: { type: "string", default: "small" },
      json: { type: "boolean" },
      reuse: { type: "boolean" },
      only: { type: "string" },
      dataset: { type: "string" },
      large: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const scale = SCALES[values.scale as keyof typeof SCALES];
if (!scale) fail(`scale: "${values.scale}" is not small, full or 10m\n\n${USAGE}`, 1);
const large = values.large === true || values.scale === "10m";
if (values.only !== undefined && !["notify", "reload", "workbook", "estimate", "copy"].includes(values.only))
  fail(`only: "${values.only}" is not notify, reload, workbook, estimate or copy\n\n${USAGE}`, 1);
const log = (message: string) => process.stderr.write(`${message}\n`);

// The bench replaces the graph it measures: never the analyst's NEO4J_URI (child processes too).
process.env.NEO4J_URI = process.env.KEIRO_BENCH_NEO4J_URI ?? "";
process.env.NEO4J_USER = process.env.KEIRO_BENCH_NEO4J_USER ?? "neo4j";
process.env.NEO4J_PASSWORD = process.env.KEIRO_BENCH_NEO4J_PASSWORD ?? "";
if (!process.env.NEO4J_URI) process.env.KEIRO_INSTANCE ??= values.scale === "10m" ? "bench10m" : "bench";
log(`Neo4j: ${(await startDatabase()).uri}`);
const { driver } = connect();
try {
  await applySchema(driver);
  if (values.only === "copy") {
    const figures = await runCopyRow(scale.contracts, log);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else if (large) {
    const options = { reuse: values.reuse === true, dataset: values.dataset };
    const result = await runLargeBench(driver, scale, options, log);
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : largeBenchLines(result));
  } else if (values.only === "workbook") {
    const figures = await runWorkbookBench(scale, log);
    process.stdout.write(
      values.json ? `${JSON.stringify(figures, null, 2)}\n` : `${workbookLine(figures)}\n`,
    );
  } else if (values.only === "reload") {
    const result = await runReloadBench(driver, scale, values.reuse === true, log);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${reloadLines(result.apiDuringReload).join("\n")}\n`,
    );
  } else if (values.only === "estimate") {
    const figures = await runEstimateRow(driver, scale, values.reuse === true, log);
    process.stdout.write(
      values.json ? `${JSON.stringify(figures, null, 2)}\n` : `${estimateRowLine(figures)}\n`,
    );
  } else if (values.only === "notify") {
    const figures = await runNotifyBench(driver, scale, values.reuse === true, log);
    process.stdout.write(values.json ? `${JSON.stringify(figures, null, 2)}\n` : `${notifyLine(figures)}\n`);
  } else {
    const result = await runBench(driver, scale, values.reuse === true, log);
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : benchTable(result));
  }
} finally {
  await driver.close();
}
