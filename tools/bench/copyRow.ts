import { loadAverage, RssSampler } from "./processRss.ts";
import { startApiProcess } from "./server.ts";
import { watchBuild } from "./watchBuild.ts";

/**
 * The API's in-memory copy of the graph already loaded (`--only copy`): `npm run serve` started,
 * its build timed, its RSS sampled while it builds and 10 s after, and what the copy adds per
 * contract over a listening API. KEIRO_BENCH_API_ROOT runs another checkout's API on the same
 * graph, so that two versions of the copy are measured alike.
 */
export async function runCopyRow(contracts: number, log: (line: string) => void) {
  const server = await startApiProcess(process.env, log, false);
  const rss = new RssSampler(server.child.pid);
  try {
    const build = await watchBuild(server, rss, "build", null);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const steadyRssMiB = rss.now();
    return {
      api: process.env.KEIRO_BENCH_API_ROOT || "this checkout",
      contracts,
      ...build,
      steadyRssMiB,
      bytesPerContract: Math.round(((steadyRssMiB - build.baselineRssMiB) * 1024 * 1024) / contracts),
      steadyLoad: loadAverage(),
    };
  } finally {
    rss.stop();
    await server.stop();
  }
}
