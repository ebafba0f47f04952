import { InMemoryEngine } from "../engine/inMemoryEngine.ts";
import type { Connection } from "../neo4j/connect.ts";
import { buildServer } from "./server.ts";

/** Serves the API (and the built web app) on HOST:PORT, 127.0.0.1:8080 by default. */
export async function serve(connection: Connection): Promise<string> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const engine = new InMemoryEngine(connection.driver, {
    timeoutMs: 30_000,
    onBuilt: ({ organisations, contracts, ms }) =>
      log(
        `In-memory copy of the graph ready: ${organisations} organisations, ${contracts} contracts, built in ${ms} ms.`,
      ),
    onError: (error) =>
      log(`In-memory copy of the graph not built (answering from Cypher): ${(error as Error).message}`),
  });
  const app = buildServer({ driver: connection.driver, databaseUri: connection.config.uri, engine });
  const host = process.env.HOST ?? "127.0.0.1";
  const port = Number(process.env.PORT ?? 8080);
  const address = await app.listen({ host, port });
  // Built in the background: until it is ready, answers come from Cypher.
  engine.warm().catch(() => {});
  const close = async () => {
    await app.close();
    await connection.driver.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return address;
}
