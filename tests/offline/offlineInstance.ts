import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll } from "vitest";
import { parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { startDatabase, stopDatabase } from "../../neo4j/bundled/lifecycle.ts";
import { localConfig, localInstance } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { graphState, query } from "../helpers/database.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * `npm run ingest -- --offline` stops and starts its server, so its tests run on a bundled instance
 * of their own (never the `test` instance the other files share), one file at a time
 * (tests/serverTurn.ts gives the files of tests/offline this instance's turn).
 */
export const OFFLINE_NAME = `${process.env.KEIRO_INSTANCE ?? "test"}-offline`;
export const OFFLINE_PORT = Number(process.env.KEIRO_BOLT_PORT ?? 7688) + 50;
export const instance = localInstance(OFFLINE_NAME, process.env.KEIRO_NEO4J_VERSION, OFFLINE_PORT);
const ENV = { KEIRO_INSTANCE: OFFLINE_NAME, KEIRO_BOLT_PORT: String(OFFLINE_PORT), NEO4J_URI: "" };
let current: Driver | undefined;

/** The driver of the offline instance (opened afresh by reconnect). */
export function driver(): Driver {
  if (!current) throw new Error("the offline instance is not started: call withOfflineInstance()");
  return current;
}

/**
 * A driver opened afresh: the store swapped in starts its transaction ids again, and a driver that
 * remembers the old store's bookmarks (executeQuery's) would wait for ids it has not reached yet.
 */
export async function reconnect(): Promise<void> {
  await current?.close();
  current = openDriver(localConfig(instance));
}

/** Starts the offline instance before the file's tests and stops it after them. */
export function withOfflineInstance(): void {
  beforeAll(async () => {
    await startDatabase(instance);
    await reconnect();
  }, 300_000);
  afterAll(async () => {
    await current?.close();
    current = undefined;
    await stopDatabase(instance);
  });
}

/** `npm run ingest -- ARGS` on the offline instance, its output and exit status. */
export function ingest(args: string[], env: Record<string, string> = {}) {
  const child = spawn("node", ["--import", "tsx", join(PROJECT_ROOT, "bin/ingest.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...ENV, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Everything a load leaves: the graph, the dataset stamp but its time, indexes, and what answers. */
export async function everything() {
  const [stamp] = await query(driver(), "MATCH (d:Dataset) RETURN properties(d) AS p");
  const { loadedAt: _loadedAt, ...dataset } = (stamp?.p ?? {}) as Record<string, unknown>;
  const others = await query(
    driver(),
    "MATCH (n) WHERE NOT n:Organisation|Incident|Dataset RETURN labels(n) AS l",
  );
  const indexes = await query(
    driver(),
    "SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name",
  );
  const engine = new CypherEngine(driver());
  const rank = await engine.rank();
  const radius = async (vendor: string) => {
    const { dataset: stamp, ...rest } = await engine.blastRadius(parseScenario({ vendor: [vendor] }));
    return { ...rest, dataset: { ...stamp, loadedAt: undefined } };
  };
  return {
    graph: await graphState(driver()),
    dataset,
    others,
    indexes,
    rank,
    biggest: await radius(rank[0]?.id ?? ""),
    isetoh: await radius("isetoh"),
  };
}
