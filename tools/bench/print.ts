import { DEFAULT_LIMIT } from "../../api/routes/blastRadius.ts";
import type { NotifyFigures } from "./notify.ts";
import type { ReloadMeasurement } from "./reload.ts";
import { type BenchResult, NAIVE_TIMEOUT_MS } from "./run.ts";

const n = (value: number) => value.toLocaleString("en-US");

/** A ratio; a naive query that timed out is at least timeout/keiro times slower. */
function ratio(a: number | null, b: number | null): string {
  if (b === null) return "—";
  return a === null ? `>${(NAIVE_TIMEOUT_MS / b).toFixed(0)}×` : `${(a / b).toFixed(1)}×`;
}

/** The notify figures in one line: the API's first page and whole answer, and writing packets. */
export function notifyLine(f: NotifyFigures): string {
  return `notify   ${f.vendor} (${n(f.organisations)} affected): API first page by deadline ${f.firstPageMs} ms, whole answer streamed ${f.streamedMs} ms (${f.streamedMiB} MiB); ${n(f.packets)} packets computed and written in ${f.packetsMs} ms`;
}

/** The bench's figures as the table the README quotes. */
export function benchTable(result: BenchResult): string {
  const { ingest, api, web, notify } = result;
  const lines = [
    `dataset  ${n(result.dataset.organisations)} organisations, ${n(result.dataset.contracts)} contracts`,
    ingest
      ? `ingest   ${n(ingest.rowsPerSecond)} rows/s (${ingest.seconds} s), naive ${n(ingest.naiveRowsPerSecond)} rows/s → ${ratio(ingest.rowsPerSecond, ingest.naiveRowsPerSecond)}; peak RSS ${ingest.peakRssMiB} MiB`
      : "ingest   (not measured: --reuse)",
    "impact   vendor                     affected   keiro ms   naive ms   in-memory ms   naive/keiro   keiro/in-memory   API copy ms",
    ...result.impact.map(
      (i) =>
        `  ${i.label.padEnd(9)}${i.vendor.padEnd(18)}${String(i.affected).padStart(10)}${String(i.ms).padStart(11)}${String(i.naiveMs ?? `>${NAIVE_TIMEOUT_MS}`).padStart(11)}${String(i.referenceMs).padStart(15)}${ratio(i.naiveMs, i.ms).padStart(14)}${ratio(i.ms, i.referenceMs).padStart(18)}${String(i.inMemoryEngineMs).padStart(14)}`,
    ),
    `rank     ${n(result.rank.vendors)} vendors in ${result.rank.ms} ms (reading the graph included); ${result.rank.fromCopyMs} ms from the API's in-memory copy`,
    `api      ${api.requestsPerSecond} requests/s, p95 ${api.p95Ms} ms, ${api.errors} errors (20 clients, 30 s, random vendors, ${DEFAULT_LIMIT} listed); in-memory copy built in ${result.inMemoryCopy.buildMs} ms`,
    ...reloadLines(result.apiDuringReload),
    notify ? notifyLine(notify) : "notify   (no vendor)",
    `web      ${n(web.organisations)}-organisation blast radius drawn in ${web.ms} ms; pan/zoom frames p50 ${web.frameP50Ms} ms, p95 ${web.frameP95Ms} ms`,
    result.emptyWeb
      ? `         the same pan over an empty blast radius (the renderer's floor): frames p50 ${result.emptyWeb.frameP50Ms} ms, p95 ${result.emptyWeb.frameP95Ms} ms`
      : "         (no client without contracts into it to measure the renderer's floor)",
    result.groupedWeb
      ? `         the biggest vendor (${n(result.groupedWeb.organisations)} affected) drawn as groups in ${result.groupedWeb.ms} ms; frames p50 ${result.groupedWeb.frameP50Ms} ms, p95 ${result.groupedWeb.frameP95Ms} ms`
      : "         (no vendor beyond the draw limit of 5,000: nothing drawn as groups)",
  ];
  return `${lines.join("\n")}\n`;
}

/** The row of the API under a full `--replace` reload. */
export function reloadLines(m: ReloadMeasurement): string[] {
  const statuses = Object.entries(m.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${n(count)}×${status}`)
    .join(", ");
  return [
    `reload   ${m.requestsPerSecond} requests/s, p95 ${m.p95Ms} ms, max ${m.maxMs} ms, ${m.errors} errors (${statuses}; ${m.timeouts} timed out, ${m.failed} failed) over ${m.seconds} s: 20 clients while \`ingest --replace\` reloaded the dataset in ${m.reload.seconds} s (${m.reload.phases}) and the API's copy was rebuilt ${m.reload.copyReadyAfter ?? "—"} s after the reload began`,
    `         ${m.stretches.map((s) => `${s.name}: ${n(s.requests)} answers, p95 ${s.p95Ms} ms`).join("; ")}`,
  ];
}
