import { medianMs, round } from "./measure.ts";
import { loadAverage, type RssSampler } from "./processRss.ts";
import type { ApiProcess } from "./server.ts";

/** What one build of the API's copy measured: its time, the process's memory, the ranking in it. */
export interface BuildFigures {
  buildMs: number;
  /** The API process's RSS when the build began (for the first build: the process just listening). */
  baselineRssMiB: number;
  peakRssMiB: number;
  rank: { ms: number | null; rssAtStartMiB: number; peakRssMiB: number };
  /** Each phase's first line and when it came, seconds into the build. */
  phases: string[];
  load: string;
}

/**
 * Resolves when the API's next copy is ready, with the figures of its build: the API prints its
 * progress (api/serve.ts), whose phases give the ranking's time and window of memory.
 */
export function watchBuild(
  server: ApiProcess,
  rss: RssSampler,
  label: string,
  since: number | null,
): Promise<BuildFigures> {
  const began = since ?? Date.now();
  const baselineRssMiB = rss.now();
  const seen: { phase: string; at: number }[] = [];
  const onProgress = (line: string) => {
    const phase = /copy of the graph: (.*?)(?: [\d,]+| at )/.exec(line)?.[1] ?? line;
    if (!seen.some((s) => s.phase === phase)) seen.push({ phase, at: Date.now() });
  };
  server.events.on("progress", onProgress);
  return new Promise((resolve) => {
    server.events.once("copy", (line: string) => {
      server.events.off("progress", onProgress);
      const ready = Date.now();
      const buildMs = Number(/built in (\d+) ms/.exec(line)?.[1] ?? ready - began);
      const ranking = seen.find((s) => s.phase === "ranking vendors");
      const ranked = seen.find((s) => s.phase === "ranked vendors");
      resolve({
        buildMs,
        baselineRssMiB,
        peakRssMiB: rss.peak(began, ready),
        rank: {
          ms: ranking && ranked ? ranked.at - ranking.at : null,
          rssAtStartMiB: ranking ? rss.at(ranking.at) : 0,
          // A ranking shorter than the sampling interval has no sample of its own.
          peakRssMiB: ranking && ranked ? Math.max(rss.peak(ranking.at, ranked.at), rss.at(ranked.at)) : 0,
        },
        phases: seen.map((s) => `${s.phase} +${((s.at - began) / 1000).toFixed(1)} s`),
        load: `${loadAverage()} (${label})`,
      });
    });
  });
}

/** The API's answer for a vendor's blast radius (its default 1,000 listed), median of 3 after one. */
export async function measureApiImpact(base: string, vendor: string): Promise<number | null> {
  return round(
    await medianMs(3, async () => {
      const response = await fetch(`${base}/api/impact?vendor=${encodeURIComponent(vendor)}`);
      if (!response.ok) throw new Error(`/api/impact: HTTP ${response.status}`);
      await response.arrayBuffer();
    }),
  );
}
