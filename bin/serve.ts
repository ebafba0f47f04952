import { serve } from "../api/serve.ts";
import { connect, describeConnectionProblem } from "../neo4j/connect.ts";

/** `npm run serve`: the HTTP API (and the built web app) on HOST:PORT, 127.0.0.1:8080 by default. */
try {
  const address = await serve(connect());
  process.stdout.write(`Keiro API at ${address}\n`);
} catch (error) {
  process.stderr.write(
    `${describeConnectionProblem(error, process.env.NEO4J_URI) ?? (error as Error).message}\n`,
  );
  process.exit(1);
}
