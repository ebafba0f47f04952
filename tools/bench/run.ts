import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { DEFAULT_LIMIT } from "../../api/routes/blastRadius.ts";
import { type ContractFacts, plainCompromise } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { validateDataset } from "../../ingest/dataset.ts";
import { clearGraph } from "../../ingest/staged.ts";
import { readTransaction, rowsOf } from "../../neo4j/read.ts";
import { generateDataset } from "../generate/generator.ts";
import { contractGraph, referenceBlastRadius } from "../reference/blastRadius.ts";
import { measureApi } from "./api.ts";
import { realIngest } from "./ingest.ts";
import { medianMs, round, time } from "./measure.ts";
import { naiveImpactMs, naiveLoad } from "./naive.ts";
import { measureNotify } from "./notify.ts";
import { measureApiDuringReload } from "./reload.ts";
import { type ApiProcess, startApiProcess } from "./server.ts";
import { measureWeb } from "./web.ts";

export const SCALES = {
  small: { organisations: 3000, contracts: 12000, naiveSample: 2000 },
  full: { organisations: 100_000, contracts: 1_000_000, naiveSample: 5000 },
  /** Measured as runLargeBench does (run10m.ts): no naive loader, no in-process reference. */
  "10m": { organisations: 1_000_000, contracts: 10_000_000, naiveSample: 0 },
} as const;
export type Scale = (typeof SCALES)[keyof typeof SCALES];
export const NAIVE_TIMEOUT_MS = 30_000;
const CYPHER_TIMEOUT_MS = 300_000;

export interface ImpactFigures {
  label: string;
  vendor: string;
  affected: number;
  ms: number | null;
  inMemoryEngineMs: number | null;
  naiveMs: number | null;
  referenceMs: number | null;
}

export type BenchResult = Awaited<ReturnType<typeof runBench>>;

/** Every contract as the reference reads it: the in-memory baseline the engines are held against. */
async function readContractFacts(driver: Driver): Promise<ContractFacts[]> {
  return readTransaction(driver, (tx) => rowsOf<ContractFacts>(tx, "blast-radius/all-contracts"), 300_000);
}

/**
 * Generates a dataset of the scale (unless `reuse`), loads it with the naive and the real loader,
 * then times blast radii, the ranking, the API under load and the browser, each beside a
 * baseline run in the same process.
 */
export async function runBench(driver: Driver, scale: Scale, reuse: boolean, log: (line: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "keiro-bench-"));
  try {
    let ingest: {
      rowsPerSecond: number;
      naiveRowsPerSecond: number;
      peakRssMiB: number;
      seconds: number | null;
    } | null = null;
    if (!reuse) {
      log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts…`);
      await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
      const dataset = await validateDataset(dir);
      const rows = dataset.rows.organisations + dataset.rows.contracts;
      log(`Naive loader (one transaction per row) on ${scale.naiveSample} rows…`);
      await clearGraph(driver);
      const naiveRowsPerSecond = await naiveLoad(driver, dataset.files, scale.naiveSample);
      log("Real ingest…");
      const real = await realIngest(dir);
      ingest = {
        rowsPerSecond: Math.round(rows / (real.ms / 1000)),
        naiveRowsPerSecond: Math.round(naiveRowsPerSecond),
        peakRssMiB: real.peakRssMiB,
        seconds: round(real.ms / 1000),
      };
    }

    log("Ranking every vendor…");
    // What `npm run impact -- --rank` does: read the graph once, rank every vendor at once.
    const cypherEngine = new CypherEngine(driver);
    const ranked = await time(() => cypherEngine.rank());
    const withClients = ranked.value.filter((v) => v.organisations > 0);
    const picks = [withClients[0], withClients[Math.floor(withClients.length / 2)], withClients.at(-1)];
    const contracts = await readContractFacts(driver);
    const organisations = new Set<string>(ranked.value.map((v) => v.id));
    for (const c of contracts) organisations.add(c.consignor);
    const reference = contractGraph(organisations, contracts);

    log("Building an in-memory copy of the graph, as the API does…");
    let copyBuildMs = 0;
    const inMemory = new InMemoryEngine(driver, {
      timeoutMs: 60_000,
      onBuilt: (event) => (copyBuildMs = event.ms),
    });
    await inMemory.warm();
    // The API's ranking: every vendor at once from the copy it already holds (the first call computes).
    const rankFromCopy = await time(() => inMemory.rank());

    const impact: ImpactFigures[] = [];
    for (const [label, vendor] of [
      ["biggest", picks[0]],
      ["median", picks[1]],
      ["small", picks[2]],
    ] as const) {
      if (!vendor) continue;
      log(`Blast radius of the ${label} vendor ${vendor.id} (${vendor.organisations} affected)…`);
      const scenario = plainCompromise([vendor.id]);
      // As the API answers it: exact totals, the first DEFAULT_LIMIT organisations listed.
      const options = { limit: DEFAULT_LIMIT };
      impact.push({
        label,
        vendor: vendor.id,
        affected: vendor.organisations,
        // A long timeout: on a shared machine the biggest radius outlasted the default and ended
        // the whole bench; a radius that still gives up is reported as such (null).
        ms: await medianMs(3, () =>
          cypherEngine.blastRadius(scenario, { ...options, timeoutMs: CYPHER_TIMEOUT_MS }),
        )
          .then(round)
          .catch((error: Error) => {
            log(`  Cypher gave up: ${error.message.split("\n")[0]}`);
            return null;
          }),
        inMemoryEngineMs: round(await medianMs(5, () => inMemory.blastRadius(scenario, options))),
        referenceMs: round(
          await medianMs(5, () => referenceBlastRadius(reference, scenario, { chains: false })),
        ),
        naiveMs: round(await naiveImpactMs(driver, vendor.id, NAIVE_TIMEOUT_MS)),
      });
    }

    const server = await startApiProcess(process.env, log);
    log(`Notify: the API's first page and whole answer, and 1,000 packets, for ${picks[0]?.id}…`);
    const notify = picks[0] ? await measureNotify(driver, server.base, picks[0].id) : null;
    // The browser first, on an idle server: the load test leaves queries running behind it.
    const webVendor = withClients.reduce((best, v) =>
      Math.abs(v.organisations - 5000) < Math.abs(best.organisations - 5000) ? v : best,
    );
    log(`Web: URL open → drawn graph for ${webVendor.id} (${webVendor.organisations} affected)…`);
    const web = await measureWeb(server.base, webVendor.id);
    // The same pan over an (almost) empty graph: a client no one outsources to has no blast
    // radius, so this is the software renderer's own floor.
    const vendorIds = new Set(ranked.value.map((v) => v.id));
    const client = contracts.find((c) => !vendorIds.has(c.consignor))?.consignor;
    const emptyWeb = client === undefined ? null : await measureWeb(server.base, client);
    // The biggest vendor: beyond the draw limit, drawn as groups (issue 12's 98,745 at full scale).
    const biggest = withClients.reduce((best, v) => (v.organisations > best.organisations ? v : best));
    log(`Web: URL open → grouped drawing for ${biggest.id} (${biggest.organisations} affected)…`);
    const groupedWeb = biggest.organisations > 5000 ? await measureWeb(server.base, biggest.id, true) : null;
    log("API: 20 clients asking for random vendors' blast radii for 30 s…");
    const api = await measureApi(
      server.base,
      withClients.map((v) => v.id),
    );
    const apiDuringReload = await reloadRow(
      server,
      withClients.map((v) => v.id),
      dir,
      scale,
      reuse,
      log,
    );
    await server.stop();

    return {
      dataset: { organisations: scale.organisations, contracts: scale.contracts },
      ingest,
      impact,
      rank: { vendors: ranked.value.length, ms: round(ranked.ms), fromCopyMs: round(rankFromCopy.ms) },
      inMemoryCopy: { buildMs: copyBuildMs },
      notify,
      api,
      apiDuringReload,
      web,
      emptyWeb,
      groupedWeb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same 20 clients while the dataset is reloaded with `--replace` (the real command line) and
 * the API rebuilds its copy: the dataset folder is generated again when the graph was reused.
 */
async function reloadRow(
  server: ApiProcess,
  vendors: string[],
  dir: string,
  scale: Scale,
  reuse: boolean,
  log: (line: string) => void,
) {
  if (reuse)
    await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
  log("API during a reload: 20 clients asking blast radii while `ingest --replace` reloads the dataset…");
  return measureApiDuringReload(server, vendors, dir);
}

/** Only the reload row (`--only reload`): the graph is loaded first unless `reuse`. */
export async function runReloadBench(
  driver: Driver,
  scale: Scale,
  reuse: boolean,
  log: (line: string) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), "keiro-bench-"));
  try {
    if (!reuse) {
      log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts and loading them…`);
      await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
      await realIngest(dir);
    }
    const vendors = (await new CypherEngine(driver).rank())
      .filter((v) => v.organisations > 0)
      .map((v) => v.id);
    const server = await startApiProcess(process.env, log);
    try {
      return {
        dataset: { organisations: scale.organisations, contracts: scale.contracts },
        apiDuringReload: await reloadRow(server, vendors, dir, scale, reuse, log),
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Only the breach-response figures (`npm run bench -- --only notify`): the dataset generated and
 * loaded as the full bench does it (unless `reuse`), the biggest vendor found by the ranking, the
 * API in its own process.
 */
export async function runNotifyBench(
  driver: Driver,
  scale: Scale,
  reuse: boolean,
  log: (line: string) => void,
) {
  if (!reuse) {
    const dir = mkdtempSync(join(tmpdir(), "keiro-bench-"));
    try {
      log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts…`);
      await generateDataset(dir, { organisations: scale.organisations, contracts: scale.contracts, seed: 1 });
      log("Real ingest…");
      await realIngest(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const biggest = (await new CypherEngine(driver).rank(1))[0];
  if (!biggest) throw new Error("the graph has no vendor to compromise");
  const server = await startApiProcess(process.env, log);
  try {
    log(`Notify for the biggest vendor ${biggest.id} (${biggest.organisations} affected)…`);
    return await measureNotify(driver, server.base, biggest.id);
  } finally {
    await server.stop();
  }
}
