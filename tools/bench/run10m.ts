import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import type { VendorRank } from "../../domain/index.ts";
import { generateDataset } from "../generate/generator.ts";
import { measureApi } from "./api.ts";
import { cypherRadiusInChild } from "./cypherChild.ts";
import { apiNotifyFigures } from "./notify.ts";
import { offlineIngest } from "./offlineIngest.ts";
import { loadAverage, RssSampler } from "./processRss.ts";
import type { Scale } from "./run.ts";
import { type ApiProcess, startApiProcess } from "./server.ts";
import { measureApiImpact, watchBuild } from "./watchBuild.ts";
import { measureWeb } from "./web.ts";

/** How long the Cypher engine may take over one blast radius at this scale before it is left. */
const CYPHER_TIMEOUT_MS = Number(process.env.KEIRO_BENCH_CYPHER_TIMEOUT_MS ?? 5 * 60 * 1000);

/** A figure with the one-minute/five-minute load average beside it, as measured on a shared machine. */
export interface Measured<T> {
  value: T;
  load: string;
}
const measured = <T>(value: T): Measured<T> => ({ value, load: loadAverage() });

export type LargeBenchResult = Awaited<ReturnType<typeof runLargeBench>>;

/**
 * The bench at 10M contracts (`--scale 10m`): the dataset generated (unless `reuse` or a folder
 * is given), loaded with the offline loader, then the API's copy (build time, steady RSS, bytes
 * per contract, the ranking done while building it, peak RSS while a reload builds the next),
 * the biggest and a median vendor through the API and through Cypher, 20 clients for 30 s,
 * notify's first page and the grouped web view of the biggest radius. No in-process reference
 * or naive loader: they hold every contract as an object.
 */
export async function runLargeBench(
  _driver: Driver,
  scale: Scale,
  options: { reuse: boolean; dataset?: string },
  log: (line: string) => void,
) {
  // The importer takes 90% of free memory by default: the API's copy, held through a reload, needs
  // its share, so the bench gives the importer a fixed amount unless told otherwise.
  process.env.KEIRO_IMPORT_MEMORY ??= "4g";
  const dir = options.dataset ?? mkdtempSync(join(tmpdir(), "keiro-bench-"));
  const made = options.dataset === undefined;
  try {
    let load: Measured<{ seconds: number; peakRssMiB: number }> | null = null;
    if (!options.reuse) {
      if (made) {
        log(`Generating ${scale.organisations} organisations / ${scale.contracts} contracts into ${dir}…`);
        await generateDataset(dir, { ...scale, seed: 1, onProgress: log });
      }
      log(`Offline load of ${dir} (ingest --offline --replace)…`);
      const loaded = await offlineIngest(dir, log);
      load = measured({ seconds: Math.round(loaded.ms / 100) / 10, peakRssMiB: loaded.peakRssMiB });
    }
    log("Starting the API; it builds its in-memory copy of the graph in a worker thread…");
    const server = await startApiProcess(process.env, log, false);
    const rss = new RssSampler(server.child.pid);
    try {
      const build = await watchBuild(server, rss, "first build", null);
      log("Steady RSS: the API idle for 10 s after its copy is ready…");
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const steadyMiB = rss.now();
      const copy = measured({
        ...build,
        steadyRssMiB: steadyMiB,
        bytesPerContract: Math.round(((steadyMiB - build.baselineRssMiB) * 1024 * 1024) / scale.contracts),
      });

      log("The ranking as the API answers it (ranked while the copy was built)…");
      const ranked = (await (await fetch(`${server.base}/api/rank?top=100000`)).json()) as VendorRank[];
      const withClients = ranked.filter((v) => v.organisations > 0);
      const biggest = withClients[0] as VendorRank;
      const median = withClients[Math.floor(withClients.length / 2)] as VendorRank;

      const picks = [
        ["biggest", biggest],
        ["median", median],
      ] as const;
      const impact = [];
      for (const [label, vendor] of picks) {
        log(
          `Blast radius of the ${label} vendor ${vendor.id} (${vendor.organisations} affected) via the API…`,
        );
        const apiMs = await measureApiImpact(server.base, vendor.id);
        impact.push({
          label,
          vendor: vendor.id,
          affected: vendor.organisations,
          apiMs,
          apiLoad: loadAverage(),
        });
      }

      log(`Notify: the API's first page by deadline for ${biggest.id}…`);
      const notify = measured(await apiNotifyFigures(server.base, biggest.id, false));
      log(`Web: URL open → grouped drawing for ${biggest.id} (${biggest.organisations} affected)…`);
      const groupedWeb = measured(
        await measureWeb(server.base, biggest.id, biggest.organisations > 5000).catch((error: Error) => {
          log(`  web not measured: ${error.message.split("\n")[0]}`);
          return null;
        }),
      );
      log("API: 20 clients asking for random vendors' blast radii for 30 s…");
      const api = measured(
        await measureApi(
          server.base,
          withClients.map((v) => v.id),
        ),
      );
      const afterLoadRssMiB = rss.now();

      const reload = made && options.reuse ? null : await reloadPeak(server, rss, dir, log);
      // Cypher last, each radius in a process of its own: the biggest may outgrow a JS heap.
      const cypher = [];
      // KEIRO_BENCH_CYPHER_TIMEOUT_MS=0 leaves Cypher out (comparing two checkouts' APIs).
      for (const [label, vendor] of CYPHER_TIMEOUT_MS > 0 ? picks : []) {
        log(
          `Blast radius of the ${label} vendor ${vendor.id} via Cypher (timeout ${CYPHER_TIMEOUT_MS / 1000} s)…`,
        );
        const figures = await cypherRadiusInChild(vendor.id, CYPHER_TIMEOUT_MS);
        if (figures.failure) log(`  Cypher gave up: ${figures.failure}`);
        cypher.push({ label, vendor: vendor.id, ...measured(figures) });
      }
      return {
        dataset: { organisations: scale.organisations, contracts: scale.contracts },
        load,
        copy,
        afterLoadRssMiB,
        rank: { vendors: ranked.length, ...copy.value.rank },
        impact,
        cypher,
        notify,
        groupedWeb,
        api,
        reload,
        skipped: "naive loader and in-process reference BFS: both hold every contract as an object",
      };
    } finally {
      rss.stop();
      await server.stop();
    }
  } finally {
    if (made) rmSync(dir, { recursive: true, force: true });
  }
}

/** The API's peak RSS while the same dataset is loaded again offline and the next copy is built. */
async function reloadPeak(server: ApiProcess, rss: RssSampler, dir: string, log: (line: string) => void) {
  log("Reload: the same dataset loaded again offline while the API holds its copy; then its next copy…");
  const began = Date.now();
  const heldMiB = rss.now();
  const next = watchBuild(server, rss, "rebuild", began);
  const loaded = await offlineIngest(dir, log);
  // The API notices the new load at its next request (one a second at most): ask once.
  await fetch(`${server.base}/api/rank?top=1`).catch(() => {});
  const build = await next;
  return measured({ loadSeconds: Math.round(loaded.ms / 100) / 10, heldRssMiB: heldMiB, ...build });
}
