import { defineConfig } from "vitest/config";

export default defineConfig({
  root: "web",
  build: { outDir: "dist", emptyOutDir: true },
  server: { host: "127.0.0.1", proxy: { "/api": "http://127.0.0.1:8080" } },
  test: {
    root: ".",
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    globalSetup: ["tests/globalSetup.ts"],
    // The test suite has a Neo4j of its own (instance "test", port 7688): an analyst's data is never touched.
    env: {
      KEIRO_INSTANCE: process.env.KEIRO_TEST_INSTANCE ?? "test",
      // Never the server an analyst's NEO4J_URI names: the bundled test instance, or a server
      // named on purpose for tests (KEIRO_TEST_NEO4J_URI), whose graph the tests replace.
      NEO4J_URI: process.env.KEIRO_TEST_NEO4J_URI ?? "",
      NEO4J_USER: process.env.KEIRO_TEST_NEO4J_USER ?? "neo4j",
      NEO4J_PASSWORD: process.env.KEIRO_TEST_NEO4J_PASSWORD ?? "",
    },
    // Integration tests share one database: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
  },
});
