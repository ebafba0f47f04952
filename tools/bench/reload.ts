import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { ApiProcess } from "./server.ts";

const INGEST = fileURLToPath(new URL("../../bin/ingest.ts", import.meta.url));

export interface ReloadMeasurement {
  /** The measured window: at least `seconds`, and until the reload is over and the copy rebuilt. */
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p95Ms: number;
  maxMs: number;
  /** Answers by HTTP status ("200", "400", "503"…), then requests with no answer at all. */
  byStatus: Record<string, number>;
  timeouts: number;
  failed: number;
  /** Every answer that was not a 200, every timeout and every failed request. */
  errors: number;
  reload: {
    seconds: number;
    /** The loader's own account of its phases (validated, swept, staged, swapped, deleted). */
    phases: string;
    /** Seconds from the start of the reload until the API's new copy was ready. */
    copyReadyAfter: number | null;
  };
  /** Answers and their p95 in each stretch: before the swap began, until the copy was rebuilt, after. */
  stretches: { name: string; requests: number; p95Ms: number }[];
}

/** Runs the real `npm run ingest -- DIR --replace`; resolves with its summary line. */
function reloadProcess(dir: string): Promise<{ summary: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--import", "tsx", INGEST, dir, "--replace"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    });
    let summary = "";
    child.stdout.on("data", (chunk) => (summary += chunk));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ summary: summary.trim(), code }));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0;

/**
 * `connections` clients asking for random vendors' blast radii while a full `--replace` reload of
 * the same dataset runs: over the whole reload, the swap and the API's copy rebuild, and at least
 * `seconds`. Every answer counts, by status; a valid request must never be refused for a load.
 */
export async function measureApiDuringReload(
  server: ApiProcess,
  vendors: string[],
  dir: string,
  seconds = 30,
  connections = 20,
): Promise<ReloadMeasurement> {
  let seed = 54321;
  const nextVendor = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return vendors[seed % vendors.length] as string;
  };
  const answers: { at: number; ms: number }[] = [];
  const byStatus: Record<string, number> = {};
  const began = performance.now();
  let copyReadyAt: number | null = null;
  const onCopy = () => {
    copyReadyAt ??= performance.now();
  };
  server.events.on("copy", onCopy);
  // Stopped below once the window is over: the duration is only a ceiling.
  const run = autocannon({
    url: server.base,
    connections,
    duration: 3600,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          path: `/api/impact?vendor=${encodeURIComponent(nextVendor())}`,
        }),
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  run.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    answers.push({ at: performance.now(), ms: responseTime });
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
  });

  const reload = await reloadProcess(dir);
  const reloadEnded = performance.now();
  if (reload.code !== 0) {
    run.stop();
    await run;
    server.events.off("copy", onCopy);
    throw new Error(`the reload exited ${reload.code}: ${reload.summary}`);
  }
  // The copy of the new load is built once a request finds it live: wait for it (bounded).
  while (copyReadyAt === null && performance.now() - reloadEnded < 300_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const windowMs = Math.max(seconds * 1000, (copyReadyAt ?? reloadEnded) - began + 1000);
  const left = began + windowMs - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  run.stop();
  const result = await run;
  server.events.off("copy", onCopy);
  const ended = performance.now();
  // autocannon counts a timed-out request as an error too.
  const timeouts = result.timeouts;
  const failed = result.errors - result.timeouts;

  const phases = /\(([^)]*)\)$/.exec(reload.summary)?.[1] ?? "";
  // When the swap began: after validating, sweeping and staging (the loader's own figures).
  const beforeSwap = [...phases.matchAll(/(validated|leftovers swept|staged) ([\d.]+) s/g)].reduce(
    (sum, m) => sum + Number(m[2]) * 1000,
    0,
  );
  const swapAt = began + beforeSwap;
  const stretch = (name: string, from: number, to: number) => {
    const times = answers
      .filter((a) => a.at >= from && a.at < to)
      .map((a) => a.ms)
      .sort((a, b) => a - b);
    return { name, requests: times.length, p95Ms: Math.round(percentile(times, 0.95)) };
  };
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const non200 = Object.entries(byStatus).reduce((sum, [status, n]) => sum + (status === "200" ? 0 : n), 0);
  const copyReady = copyReadyAt ?? ended;
  return {
    seconds: Math.round((ended - began) / 100) / 10,
    requests: answers.length,
    requestsPerSecond: Math.round((answers.length / ((ended - began) / 1000)) * 10) / 10,
    p95Ms: Math.round(percentile(times, 0.95)),
    maxMs: Math.round(times.at(-1) ?? 0),
    byStatus,
    timeouts,
    failed,
    errors: non200 + timeouts + failed,
    reload: {
      seconds: Math.round((reloadEnded - began) / 100) / 10,
      phases,
      copyReadyAfter: copyReadyAt === null ? null : Math.round((copyReadyAt - began) / 100) / 10,
    },
    stretches: [
      stretch("before the swap", began, swapAt),
      stretch("swap to copy rebuilt", swapAt, copyReady),
      stretch("after", copyReady, ended + 1),
    ],
  };
}
