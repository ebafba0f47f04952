import type { TestProject } from "vitest/node";
import { startDatabase, stopDatabase } from "../neo4j/bundled/lifecycle.ts";
import { localInstance } from "../neo4j/config.ts";

/**
 * Starts the real Neo4j a project's tests talk to, through the same code as `db:start`: the
 * bundled server's test instance of the project's Neo4j version (vitest.config.ts), or the server
 * KEIRO_TEST_NEO4J_URI names (whose graph the tests replace). NEO4J_URI, the analyst's own
 * server, is never used.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = project.config.env as Record<string, string>;
  if (env.NEO4J_URI) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const result = await startDatabase();
      process.stderr.write(`Tests use the Neo4j server at ${result.uri}.\n`);
    } finally {
      process.env = saved;
    }
    return async () => {};
  }
  const instance = localInstance(env.KEIRO_INSTANCE, env.KEIRO_NEO4J_VERSION, Number(env.KEIRO_BOLT_PORT));
  const result = await startDatabase(instance);
  process.stderr.write(
    `Tests (${project.name}) use Neo4j ${instance.version} at ${result.uri} (${result.started ? `started in ${result.seconds.toFixed(1)} s` : "already running"}).\n`,
  );
  return async () => {
    if (result.started) await stopDatabase(instance);
  };
}
