import { defineConfig, mergeConfig } from "vitest/config";
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

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: ".",
      // Integration tests share one database per version: one file at a time.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 240_000,
      reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
      projects: [
        {
          extends: true,
          test: {
            root: ".",
            globalSetup: ["tests/globalSetup.ts"],
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
            name: `neo4j-${version}`,
            include: ["tests/integration/**/*.test.ts"],
            env: databaseEnv(version, BASE_PORT + 100 * (index + 1)),
          },
        })),
      ],
    },
  }),
);
