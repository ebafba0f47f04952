import { type Connection, connect, describeConnectionProblem } from "../db/connect.ts";
import { SnapshotStore } from "../impact/snapshotStore.ts";
import { buildServer } from "./server.ts";

/** Serves the API (and the built web app) on HOST:PORT, 127.0.0.1:8080 by default. */
export async function serve(connection: Connection): Promise<string> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const snapshots = new SnapshotStore(connection.driver, {
    timeoutMs: 30_000,
    onBuilt: ({ organisations, contracts, ms }) =>
      log(
        `In-memory copy of the graph ready: ${organisations} organisations, ${contracts} contracts, built in ${ms} ms.`,
      ),
    onError: (error) =>
      log(`In-memory copy of the graph not built (answering from Cypher): ${(error as Error).message}`),
  });
  const app = buildServer({ driver: connection.driver, databaseUri: connection.config.uri, snapshots });
  const host = process.env.HOST ?? "127.0.0.1";
  const port = Number(process.env.PORT ?? 8080);
  const address = await app.listen({ host, port });
  // Built in the background: until it is ready, answers come from Cypher.
  snapshots.warm().catch(() => {});
  const close = async () => {
    await app.close();
    await connection.driver.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return address;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const address = await serve(connect());
    process.stdout.write(`Keiro API at ${address}\n`);
  } catch (error) {
    process.stderr.write(
      `${describeConnectionProblem(error, process.env.NEO4J_URI) ?? (error as Error).message}\n`,
    );
    process.exit(1);
  }
}
