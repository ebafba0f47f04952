import { startDatabase, stopDatabase } from "../neo4j/bundled/lifecycle.ts";

/**
 * Starts the real Neo4j the integration tests talk to, through the same code as `db:start`:
 * the bundled server's "test" instance, or the server KEIRO_TEST_NEO4J_URI names (whose graph
 * the tests replace). NEO4J_URI, the analyst's own server, is never used (vite.config.ts sets
 * the same for the test files).
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.KEIRO_INSTANCE = process.env.KEIRO_TEST_INSTANCE ?? "test";
  process.env.NEO4J_URI = process.env.KEIRO_TEST_NEO4J_URI ?? "";
  process.env.NEO4J_USER = process.env.KEIRO_TEST_NEO4J_USER ?? "neo4j";
  process.env.NEO4J_PASSWORD = process.env.KEIRO_TEST_NEO4J_PASSWORD ?? "";
  const result = await startDatabase();
  process.stderr.write(
    `Tests use Neo4j at ${result.uri} (${result.started ? `started in ${result.seconds.toFixed(1)} s` : "already running"}).\n`,
  );
  return async () => {
    if (result.started) await stopDatabase();
  };
}
