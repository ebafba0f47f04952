import { relative } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { DEFAULT_NEO4J_VERSION } from "./neo4j/config.ts";
import viteConfig from "./vite.config.ts";

/**
 * The bundled Neo4j versions the suite runs on: every test on the first, the integration tests
 * again on each other one, each on a server of its own (same instance name, its own store and
 * port: KEIRO_BOLT_PORT, +100 per version). Every answer must be identical on all of them: the
 * integration tests assert exact values.
 */
const VERSIONS = (process.env.KEIRO_TEST_NEO4J_VERSIONS ?? `${DEFAULT_NEO4J_VERSION},2025.10.1`)
  .split(",")
  .map((version) => version.trim())
  .filter((version) => version !== "");
const BASE_PORT = Number(process.env.KEIRO_BOLT_PORT ?? 7688);
/** A server named on purpose for tests (its graph is replaced) runs every test, once. */
const EXTERNAL = process.env.KEIRO_TEST_NEO4J_URI ?? "";

/** The test files' environment: the suite's own database, never the one NEO4J_URI names. */
function databaseEnv(version: string, port: number): Record<string, string> {
  return {
    KEIRO_INSTANCE: process.env.KEIRO_TEST_INSTANCE ?? "test",
    KEIRO_NEO4J_VERSION: version,
    KEIRO_BOLT_PORT: String(port),
    // Never the server an analyst's NEO4J_URI names: the bundled test instance, or a server
    // named on purpose for tests (KEIRO_TEST_NEO4J_URI), whose graph the tests replace.
    NEO4J_URI: EXTERNAL,
    NEO4J_USER: process.env.KEIRO_TEST_NEO4J_USER ?? "neo4j",
    NEO4J_PASSWORD: process.env.KEIRO_TEST_NEO4J_PASSWORD ?? "",
    NEO4J_DATABASE: process.env.KEIRO_TEST_NEO4J_DATABASE ?? "",
  };
}

const [first = DEFAULT_NEO4J_VERSION, ...others] = VERSIONS;

/**
 * Two test files at a time when there are two servers: the files of one version share its
 * database, so each takes its server's turn (tests/serverTurn.ts) and the files of the versions
 * are interleaved (tests/serverTurnSequencer.ts): one version's file beside the other's, or beside
 * unit and web tests, which need no server. KEIRO_TEST_SERIAL=1 runs one file at a time.
 */
const PARALLEL = !EXTERNAL && others.length > 0 && process.env.KEIRO_TEST_SERIAL !== "1";

/**
 * Seconds a file took in a run of the whole suite on 2 cores (both versions alike): the order two
 * workers take the files in. A file missing here counts as a few seconds; a wrong guess costs
 * time, never a result. (Vitest's own record of earlier runs is not used: in a parallel run it
 * counts the wait for a server's turn.)
 */
const SECONDS: Record<string, number> = {
  "tests/offline/load.test.ts": 130,
  "tests/offline/refusals.test.ts": 110,
  "tests/e2e/explorer.test.ts": 90,
  "tests/integration/impact-differential.test.ts": 75,
  "tests/integration/ingest.test.ts": 60,
  "tests/e2e/labels.test.ts": 50,
  "tests/integration/api.test.ts": 42,
  "tests/integration/consistent-answers.test.ts": 42,
  "tests/register/export-formats.test.ts": 35,
  "tests/integration/notify-rules.test.ts": 25,
  "tests/replicas/replicas.test.ts": 20,
  "tests/e2e/grouped.test.ts": 25,
  "tests/e2e/chain-view.test.ts": 25,
  "tests/integration/impact-sample.test.ts": 25,
  "tests/integration/consistent-breach.test.ts": 24,
  "tests/e2e/response.test.ts": 20,
  "tests/e2e/confidence.test.ts": 20,
  "tests/e2e/data-view.test.ts": 18,
  "tests/e2e/charts.test.ts": 18,
  "tests/integration/search-overview-index.test.ts": 18,
  "tests/integration/notify-sample.test.ts": 18,
  "tests/integration/since.test.ts": 17,
  "tests/ingest/workbook-ingest.test.ts": 12,
  "tests/e2e/notify-packets.test.ts": 10,
  "tests/integration/carries-rules.test.ts": 10,
  "tests/integration/quality.test.ts": 8,
  "tests/integration/impact-rules.test.ts": 6,
  "tests/integration/in-memory-engine.test.ts": 6,
  "tests/integration/long-ids.test.ts": 6,
};
const UNKNOWN_SECONDS = 3;
/** Tests that never ask a server take no turn (tests/serverTurn.ts). */
const SERVER_FREE = /^tests\/(unit|web)\//;

/**
 * The files of the versions interleaved, longest first, each next file from the server whose files
 * so far add up to the least time: while one version's file runs, the other worker has the other
 * version's. Unit and web tests come last, beside the longest files' tails.
 */
class ServerTurnSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const path = (spec: TestSpecification) =>
      relative(this.ctx.config.root, spec.moduleId).split("\\").join("/");
    const seconds = (spec: TestSpecification) => SECONDS[path(spec)] ?? UNKNOWN_SECONDS;
    const longestFirst = (a: TestSpecification, b: TestSpecification) => seconds(b) - seconds(a);
    const free = files.filter((spec) => SERVER_FREE.test(path(spec))).sort(longestFirst);
    const servers = [...new Set(files.map((spec) => spec.project.name))].map((project) => ({
      queue: files
        .filter((spec) => spec.project.name === project && !SERVER_FREE.test(path(spec)))
        .sort(longestFirst),
      total: 0,
    }));
    const order: TestSpecification[] = [];
    for (;;) {
      const next = servers.filter((s) => s.queue.length > 0).sort((a, b) => a.total - b.total)[0];
      const spec = next?.queue.shift();
      if (!next || !spec) break;
      next.total += seconds(spec);
      order.push(spec);
    }
    return [...order, ...free];
  }
}

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: ".",
      // Integration tests share one database per version: one file at a time on each server.
      fileParallelism: PARALLEL,
      maxWorkers: PARALLEL ? 2 : 1,
      sequence: PARALLEL ? { sequencer: ServerTurnSequencer } : {},
      testTimeout: 60_000,
      hookTimeout: 240_000,
      reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
      projects: [
        {
          extends: true,
          test: {
            root: ".",
            globalSetup: ["tests/globalSetup.ts"],
            setupFiles: ["tests/serverTurn.ts"],
            name: EXTERNAL ? "all" : `neo4j-${first}`,
            include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
            env: databaseEnv(first, BASE_PORT),
          },
        },
        ...(EXTERNAL ? [] : others).map((version, index) => ({
          extends: true as const,
          test: {
            root: ".",
            globalSetup: ["tests/globalSetup.ts"],
            setupFiles: ["tests/serverTurn.ts"],
            name: `neo4j-${version}`,
            // The offline load's refusals and failures are the command's own: the first version only.
            include: ["tests/integration/**/*.test.ts", "tests/offline/load.test.ts"],
            env: databaseEnv(version, BASE_PORT + 100 * (index + 1)),
          },
        })),
      ],
    },
  }),
);
