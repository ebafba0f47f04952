import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../api/serve.ts";
import { validateAndLoad } from "../ingest/load.ts";
import { needsLoading } from "../ingest/state.ts";
import { startDatabase } from "../neo4j/bundled/lifecycle.ts";
import { connect, describeConnectionProblem } from "../neo4j/connect.ts";
import { applySchema } from "../neo4j/schema.ts";
import { ensureWebBuilt } from "../web/build.ts";

/** The project's root folder, wherever the command was started from. */
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * `npm start`: the database, the sample data when the graph is empty (or holds the sample in an
 * older format), then the app.
 */
const SAMPLE = join(PROJECT_ROOT, "data", "isetoh-2024");

try {
  const db = await startDatabase();
  process.stdout.write(
    `Neo4j is up at ${db.uri}${db.started ? ` (started in ${db.seconds.toFixed(1)} s)` : ""}.\n`,
  );
  const connection = connect();
  await applySchema(connection.driver);
  // An empty graph gets the sample; the sample loaded by an older Keiro is loaded again.
  const { empty, stale } = await needsLoading(connection.driver, basename(SAMPLE));
  if (empty || stale) {
    const summary = await validateAndLoad(connection.driver, SAMPLE, { replace: stale });
    process.stdout.write(
      `${empty ? "The graph was empty" : "The sample was loaded by an older Keiro"}: loaded the sample ${SAMPLE} (${summary.organisations} organisations, ${summary.contracts} contracts).\n`,
    );
  }
  await ensureWebBuilt();
  const address = await serve(connection);
  process.stdout.write(
    `Keiro is running at ${address}  (Ctrl-C stops the app; \`npm run db:stop\` stops Neo4j)\n`,
  );
} catch (error) {
  process.stderr.write(
    `${describeConnectionProblem(error, process.env.NEO4J_URI) ?? (error as Error).message}\n`,
  );
  process.exit(1);
}
