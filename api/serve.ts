import { randomBytes } from "node:crypto";
import { type CopyProgress, progressLine } from "../engine/copyProgress.ts";
import { InMemoryEngine } from "../engine/inMemoryEngine.ts";
import type { Connection } from "../neo4j/connect.ts";
import { buildServer } from "./server.ts";

const LOOPBACK = ["127.0.0.1", "localhost", "::1"];

/** Seconds between two progress lines of one phase of a copy's build (a new phase prints at once). */
const PROGRESS_EVERY_MS = 5000;

/** The copy build's progress as plain lines: each new phase, and a running count every few seconds. */
function progressPrinter(log: (message: string) => void) {
  let last = { phase: "", at: 0 };
  return (progress: CopyProgress) => {
    const now = Date.now();
    if (progress.phase === last.phase && now - last.at < PROGRESS_EVERY_MS) return;
    last = { phase: progress.phase, at: now };
    log(`Building the in-memory copy of the graph: ${progressLine(progress)}`);
  };
}

/**
 * Serves the API (and the built web app) on KEIRO_HOST:PORT, 127.0.0.1:8080 by default. Listening
 * beyond loopback takes KEIRO_HOST on purpose (not the generic HOST that shells and CI set) and
 * then an access token, printed once; KEIRO_ALLOWED_HOSTS adds host names requests may use.
 */
export async function serve(connection: Connection): Promise<string> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const engine = new InMemoryEngine(connection.driver, {
    timeoutMs: 30_000,
    // Built in a worker thread over its own connection: the event loop keeps answering meanwhile.
    worker: connection.config,
    checkEveryMs: 1000,
    onProgress: progressPrinter(log),
    onBuilt: ({ organisations, contracts, ms, dataset }) =>
      log(
        `In-memory copy of the graph ready: ${organisations} organisations, ${contracts} contracts (${dataset.name ?? "no dataset"} loaded ${dataset.loadedAt ?? "never"}), built in ${ms} ms.`,
      ),
    onError: (error) =>
      log(
        `In-memory copy of the graph not built (answering from the copy held, else Cypher): ${(error as Error).message}`,
      ),
  });
  const host = process.env.KEIRO_HOST ?? "127.0.0.1";
  const exposed = !LOOPBACK.includes(host);
  const token = exposed ? (process.env.KEIRO_TOKEN ?? randomBytes(24).toString("base64url")) : undefined;
  const allowedHosts = [
    ...(process.env.KEIRO_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
    ...(exposed && host !== "0.0.0.0" && host !== "::" ? [host] : []),
  ];
  const app = buildServer({
    driver: connection.driver,
    databaseUri: connection.config.uri,
    engine,
    guard: { allowedHosts, token, log },
  });
  const port = Number(process.env.PORT ?? 8080);
  const address = await app.listen({ host, port });
  if (token) {
    log(
      `Listening beyond loopback: open ${address}/?token=${token} once in the browser (it keeps it in a cookie); other clients send "Authorization: Bearer ${token}".`,
    );
    if (allowedHosts.length === 0)
      log("Set KEIRO_ALLOWED_HOSTS to the host names people use to reach this server.");
  }
  // Built in the background: until the first is ready, answers come from Cypher.
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
