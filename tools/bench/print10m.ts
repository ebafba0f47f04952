import type { LargeBenchResult } from "./run10m.ts";

const n = (value: number) => value.toLocaleString("en-US");
const gib = (mib: number) => `${(mib / 1024).toFixed(2)} GiB`;
/** A figure against its goal: "1.9 s (goal < 2 s: met)". */
const goal = (met: boolean | null, text: string) =>
  `(goal ${text}: ${met === null ? "not measured" : met ? "met" : "MISSED"})`;

/** The 10M bench's figures, each beside its goal and the load average it was measured under. */
export function largeBenchLines(r: LargeBenchResult): string {
  const { copy, api, notify, groupedWeb, reload, load } = r;
  const c = copy.value;
  const rankRss = c.rank.peakRssMiB;
  const lines = [
    `dataset  ${n(r.dataset.organisations)} organisations, ${n(r.dataset.contracts)} contracts`,
    load
      ? `load     offline (ingest --offline --replace) in ${load.value.seconds} s, loader peak RSS ${load.value.peakRssMiB} MiB [load ${load.load}]`
      : "load     (not measured: --reuse)",
    `copy     built in ${(c.buildMs / 1000).toFixed(1)} s; API steady RSS ${gib(c.steadyRssMiB)} ${goal(c.steadyRssMiB <= 4096, "≤ 4 GiB")}, ${n(c.bytesPerContract)} bytes per contract over the ${c.baselineRssMiB} MiB of a listening API; peak ${gib(c.peakRssMiB)} while building [load ${copy.load} at build end]`,
    `         phases: ${c.phases.join("; ")}`,
    `         RSS after 30 s of 20 clients: ${gib(r.afterLoadRssMiB)}`,
    reload
      ? `reload   peak RSS ${gib(reload.value.peakRssMiB)} while the next copy was built beside the ${gib(reload.value.heldRssMiB)} held ${goal(reload.value.peakRssMiB <= 8192, "≤ 8 GiB")}; offline reload ${reload.value.loadSeconds} s, next copy built in ${(reload.value.buildMs / 1000).toFixed(1)} s [load ${reload.load}]`
      : "reload   (not measured)",
    `rank     ${n(r.rank.vendors)} vendors in ${r.rank.ms === null ? "—" : `${(r.rank.ms / 1000).toFixed(1)} s`} ${goal(r.rank.ms === null ? null : r.rank.ms < 60_000, "< 60 s")}, inside the API's build: RSS ${gib(c.rank.rssAtStartMiB)} → peak ${gib(rankRss)} ${goal(rankRss <= 4096, "≤ 4 GiB")}`,
    ...r.impact.map((i) => {
      const cypher = r.cypher.find((c) => c.label === i.label);
      const cypherText = !cypher
        ? "—"
        : cypher.value.ms === null
          ? `gave up (${cypher.value.failure})`
          : `${n(cypher.value.ms)} ms, its process's peak RSS ${cypher.value.peakRssMiB} MiB`;
      const apiGoal = i.label === "biggest" ? ` ${goal(i.apiMs !== null && i.apiMs < 2000, "< 2 s")}` : "";
      return `impact   ${i.label.padEnd(8)} ${i.vendor} (${n(i.affected)} affected): API ${i.apiMs} ms${apiGoal} [load ${i.apiLoad}]; Cypher ${cypherText} [load ${cypher?.load ?? "—"}]`;
    }),
    `api      ${api.value.requestsPerSecond} requests/s, p95 ${api.value.p95Ms} ms ${goal(api.value.p95Ms < 300, "< 300 ms")}, ${api.value.errors} errors (20 clients, 30 s) [load ${api.load}]`,
    `notify   first page by deadline ${notify.value.firstPageMs} ms ${goal(notify.value.firstPageMs !== null && notify.value.firstPageMs < 3000, "< 3 s")} [load ${notify.load}]`,
    groupedWeb.value
      ? `web      the biggest radius (${n(groupedWeb.value.organisations)} affected) drawn as groups in ${groupedWeb.value.ms} ms; frames p50 ${groupedWeb.value.frameP50Ms} ms, p95 ${groupedWeb.value.frameP95Ms} ms [load ${groupedWeb.load}]`
      : "web      (not measured: no browser)",
    `skipped  ${r.skipped}`,
  ];
  return `${lines.join("\n")}\n`;
}
