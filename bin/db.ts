import { startDatabase, stopDatabase } from "../neo4j/bundled/lifecycle.ts";
import { BUNDLED_VERSIONS } from "../neo4j/bundled/versions.ts";
import { bundledVersionName, ConfigError, DEFAULT_NEO4J_VERSION } from "../neo4j/config.ts";

const USAGE = `Usage: npm run db:start | npm run db:stop

db:start  assembles Neo4j Community ${bundledVersionName()} from Maven Central on first use (cached in
          .neo4j/lib/, every jar checked against neo4j/bundled/manifests/ then and at every start),
          starts it on 127.0.0.1 and returns once Bolt answers. Idempotent.
          With NEO4J_URI set, only checks that that server answers.
db:stop   stops the bundled server cleanly.

Environment: KEIRO_INSTANCE (dev), KEIRO_NEO4J_VERSION (${DEFAULT_NEO4J_VERSION}; also ${BUNDLED_VERSIONS.map(
  (v) => v.version,
)
  .filter((v) => v !== DEFAULT_NEO4J_VERSION)
  .join(", ")}), KEIRO_BOLT_PORT,
KEIRO_NEO4J_HEAP, KEIRO_NEO4J_PAGECACHE, KEIRO_JAVA (the \`java\` to run it with).`;

const command = process.argv[2];
try {
  if (command === "start") {
    const result = await startDatabase();
    const how = result.started ? `started in ${result.seconds.toFixed(1)} s` : "already running";
    process.stdout.write(`Neo4j is up at ${result.uri} (${how}).\n`);
  } else if (command === "stop") {
    if (process.env.NEO4J_URI) process.stdout.write("NEO4J_URI is set: that server is not ours to stop.\n");
    else process.stdout.write((await stopDatabase()) ? "Neo4j stopped.\n" : "Neo4j was not running.\n");
  } else {
    process.stdout.write(`${USAGE}\n`);
    process.exit(command === "--help" || command === "-h" ? 0 : 1);
  }
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const code = (error as { code?: string }).code;
  process.stderr.write(`Neo4j did not answer: ${code ?? ""} ${(error as Error).message}\n`);
  process.exit(2);
}
