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
    env: { KEIRO_INSTANCE: process.env.KEIRO_TEST_INSTANCE ?? "test" },
    // Integration tests share one database: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
  },
});
