import { startDatabase, stopDatabase } from "../neo4j/bundled/lifecycle.ts";

/**
 * Starts the real Neo4j the integration tests talk to, through the same code as `db:start`:
 * the bundled server's "test" instance, or the server NEO4J_URI names (whose graph the tests
 * replace: never point them at data you want to keep).
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.KEIRO_INSTANCE = process.env.KEIRO_TEST_INSTANCE ?? "test";
  const result = await startDatabase();
  process.stderr.write(
    `Tests use Neo4j at ${result.uri} (${result.started ? `started in ${result.seconds.toFixed(1)} s` : "already running"}).\n`,
  );
  return async () => {
    if (result.started) await stopDatabase();
  };
}
