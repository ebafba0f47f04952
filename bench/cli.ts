import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_LIMIT } from "../api/routes/impact.ts";
import { parseCommand } from "../cli/support.ts";
import { connect } from "../db/connect.ts";
import { applySchema, startDatabase } from "../db/lifecycle.ts";
import { PROJECT_ROOT } from "../db/paths.ts";
import { plainCompromise } from "../domain/index.ts";
import { contractGraph, referenceBlastRadius } from "../domain/reference.ts";
import { generateDataset } from "../generate/generator.ts";
import { blastRadius } from "../impact/engine.ts";
import { rankVendors, readContracts } from "../impact/rank.ts";
import { SnapshotStore } from "../impact/snapshotStore.ts";
import { validateDataset } from "../ingest/dataset.ts";
import { clearGraph } from "../ingest/staged.ts";
import { measureApi } from "./api.ts";
import { medianMs, round, time } from "./measure.ts";
import { naiveImpactMs, naiveLoad } from "./naive.ts";
import { startApiProcess } from "./server.ts";
import { measureWeb } from "./web.ts";

const USAGE = `Usage: npm run bench -- [--scale small|full] [--json] [--reuse]

Measures Keiro on a generated dataset against a naive baseline run in the same process:
  small ≈ 3,000 organisations / 12,000 contracts (a quick look), full = 100,000 / 1,000,000.
Uses the bundled server's "bench" instance (port 7689), or NEO4J_URI (whose graph it replaces).
--reuse skips generating and loading: it measures the graph already loaded (ingest: null).`;

const SCALES = {
  small: { organisations: 3000, contracts: 12000, naiveSample: 2000 },
  full: { organisations: 100_000, contracts: 1_000_000, naiveSample: 5000 },
} as const;
const NAIVE_TIMEOUT_MS = 30_000;

const { values } = parseCommand(
  {
    options: {
      scale: { type: "string", default: "small" },
      json: { type: "boolean" },
      reuse: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const scale = SCALES[values.scale as keyof typeof SCALES];
if (!scale) {
  process.stderr.write(`scale: "${values.scale}" is not small or full\n\n${USAGE}\n`);
  process.exit(1);
}
const log = (message: string) => process.stderr.write(`${message}\n`);

if (!process.env.NEO4J_URI) process.env.KEIRO_INSTANCE ??= "bench";
log(`Neo4j: ${(await startDatabase()).uri}`);
const { driver } = connect();
await applySchema(driver);
const dir = mkdtempSync(join(tmpdir(), "keiro-bench-"));

/** Runs the real ingest command, sampling its resident memory to find the peak. */
async function realIngest(): Promise<{ ms: number; peakRssMiB: number }> {
  let peak = 0;
  const { ms } = await time(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          "node",
          ["--import", "tsx", join(PROJECT_ROOT, "ingest/cli.ts"), dir, "--replace"],
          { stdio: ["ignore", "ignore", "inherit"], env: process.env },
        );
        const sampler = setInterval(() => {
          try {
            const rss = Number(
              /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0,
            );
            peak = Math.max(peak, rss);
          } catch {
            // The process has just exited.
          }
        }, 50);
        child.once("exit", (code) => {
          clearInterval(sampler);
          code === 0 ? resolve() : reject(new Error(`ingest exited ${code}`));
        });
      }),
  );
  return { ms, peakRssMiB: Math.round(peak / 1024) };
}

try {
  let ingestFigures: {
    rowsPerSecond: number;
    naiveRowsPerSecond: number;
    peakRssMiB: number;
    seconds: number | null;
  } | null = null;
  if (!values.reuse) {
    log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts…`);
    await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
    const dataset = await validateDataset(dir);
    const rows = dataset.rows.organisations + dataset.rows.outsourcing;

    log(`Naive loader (one transaction per row) on ${scale.naiveSample} rows…`);
    await clearGraph(driver);
    const naiveRowsPerSecond = await naiveLoad(driver, dataset.files, scale.naiveSample);

    log("Real ingest…");
    const ingest = await realIngest();
    const rowsPerSecond = rows / (ingest.ms / 1000);
    ingestFigures = {
      rowsPerSecond: Math.round(rowsPerSecond),
      naiveRowsPerSecond: Math.round(naiveRowsPerSecond),
      peakRssMiB: ingest.peakRssMiB,
      seconds: round(ingest.ms / 1000),
    };
  }

  log("Ranking every vendor…");
  // What `npm run impact -- --rank` does: read every contract once, rank every vendor.
  const ranked = await time(async () => {
    const data = await readContracts(driver);
    return { ...data, ranks: rankVendors(data.contracts, data.vendors) };
  });
  const { contracts, vendors } = ranked.value;
  const withClients = ranked.value.ranks.filter((v) => v.organisations > 0);
  const picks = [withClients[0], withClients[Math.floor(withClients.length / 2)], withClients.at(-1)].filter(
    (v) => v !== undefined,
  );
  const organisations = new Set<string>([...vendors.map((v) => v.id)]);
  for (const c of contracts) organisations.add(c.consignor);
  const graph = contractGraph(organisations, contracts);

  log("Building an in-memory copy of the graph, as the API does…");
  let snapshotBuildMs = 0;
  const snapshots = new SnapshotStore(driver, {
    timeoutMs: 60_000,
    onBuilt: (event) => {
      snapshotBuildMs = event.ms;
    },
  });
  await snapshots.warm();

  const impact = [];
  for (const [label, vendor] of [
    ["biggest", picks[0]],
    ["median", picks[1]],
    ["small", picks[2]],
  ] as const) {
    if (!vendor) continue;
    log(`Impact of the ${label} vendor ${vendor.id} (${vendor.organisations} affected)…`);
    const scenario = plainCompromise([vendor.id]);
    // As the API answers it: exact totals, the first DEFAULT_LIMIT organisations listed.
    const ms = await medianMs(3, () => blastRadius(driver, scenario, { limit: DEFAULT_LIMIT }));
    const snapshotMs = await medianMs(5, () => snapshots.blastRadius(scenario, { limit: DEFAULT_LIMIT }));
    const inMemoryMs = await medianMs(5, () => referenceBlastRadius(graph, scenario));
    const naiveMs = await naiveImpactMs(driver, vendor.id, NAIVE_TIMEOUT_MS);
    impact.push({
      label,
      vendor: vendor.id,
      affected: vendor.organisations,
      ms: round(ms),
      snapshotMs: round(snapshotMs),
      naiveMs: round(naiveMs),
      inMemoryMs: round(inMemoryMs),
    });
  }

  const server = await startApiProcess(process.env, log);
  const base = server.base;
  // The browser first, on an idle server: the load test leaves queries running behind it.
  const webVendor = withClients.reduce((best, v) =>
    Math.abs(v.organisations - 5000) < Math.abs(best.organisations - 5000) ? v : best,
  );
  log(`Web: URL open → drawn graph for ${webVendor.id} (${webVendor.organisations} affected)…`);
  const web = await measureWeb(base, webVendor.id);
  log("API: 20 clients asking impact for random vendors for 30 s…");
  const api = await measureApi(
    base,
    withClients.map((v) => v.id),
  );
  await server.stop();

  const result = {
    dataset: { organisations: scale.organisations, contracts: scale.contracts },
    ingest: ingestFigures,
    impact: impact.map(({ label: _label, ...rest }) => rest),
    rank: { vendors: vendors.length, ms: round(ranked.ms) },
    snapshot: { buildMs: snapshotBuildMs },
    api,
    web: {
      organisations: web.organisations,
      ms: web.ms,
      frameP50Ms: web.frameP50Ms,
      frameP95Ms: web.frameP95Ms,
    },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    // A naive query that timed out is at least timeout/keiro times slower.
    const ratio = (a: number | null, b: number | null) =>
      b === null ? "—" : a === null ? `>${(NAIVE_TIMEOUT_MS / b).toFixed(0)}×` : `${(a / b).toFixed(1)}×`;
    const lines = [
      `dataset  ${scale.organisations.toLocaleString("en-US")} organisations, ${scale.contracts.toLocaleString("en-US")} contracts`,
      result.ingest
        ? `ingest   ${result.ingest.rowsPerSecond.toLocaleString("en-US")} rows/s (${result.ingest.seconds} s), naive ${result.ingest.naiveRowsPerSecond.toLocaleString("en-US")} rows/s → ${ratio(result.ingest.rowsPerSecond, result.ingest.naiveRowsPerSecond)}; peak RSS ${result.ingest.peakRssMiB} MiB`
        : "ingest   (not measured: --reuse)",
      "impact   vendor                     affected   keiro ms   naive ms   in-memory ms   naive/keiro   keiro/in-memory   API copy ms",
      ...impact.map(
        (i) =>
          `  ${i.label.padEnd(9)}${i.vendor.padEnd(18)}${String(i.affected).padStart(10)}${String(i.ms).padStart(11)}${String(i.naiveMs ?? `>${NAIVE_TIMEOUT_MS}`).padStart(11)}${String(i.inMemoryMs).padStart(15)}${ratio(i.naiveMs, i.ms).padStart(14)}${ratio(i.ms, i.inMemoryMs).padStart(18)}${String(i.snapshotMs).padStart(14)}`,
      ),
      `rank     ${result.rank.vendors.toLocaleString("en-US")} vendors in ${result.rank.ms} ms`,
      `api      ${api.requestsPerSecond} requests/s, p95 ${api.p95Ms} ms, ${api.errors} errors (20 clients, 30 s, random vendors, ${DEFAULT_LIMIT} listed); in-memory copy built in ${snapshotBuildMs} ms`,
      `web      ${web.organisations.toLocaleString("en-US")}-organisation blast radius drawn in ${web.ms} ms; pan/zoom frames p50 ${web.frameP50Ms} ms, p95 ${web.frameP95Ms} ms`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await driver.close();
}
