import { existsSync, renameSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";
import {
  ConfigError,
  DEFAULT_NEO4J_VERSION,
  databaseConfig,
  type LocalInstance,
  localConfig,
  localInstance,
} from "../config.ts";
import { openDriver, waitForDatabase } from "../driver.ts";
import { findJava } from "./java.ts";
import {
  assembleServer,
  consoleTail,
  launchServer,
  runningPid,
  serverIsAlive,
  stopServer,
} from "./server.ts";
import { bundledVersion } from "./versions.ts";

export interface StartResult {
  uri: string;
  /** False when it was already running (or is an external server). */
  started: boolean;
  seconds: number;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForBolt(instance: LocalInstance, pid: number, consoleLog: string): Promise<void> {
  // Only whether the server answers: the database NEO4J_DATABASE names is the commands' concern.
  const driver = openDriver({ ...localConfig(instance), database: null });
  const deadline = Date.now() + 180_000;
  try {
    for (;;) {
      if (!serverIsAlive(pid)) {
        throw new ConfigError(
          `Neo4j (${instance.name}) exited while starting. Its last words:\n${consoleTail(consoleLog)}`,
        );
      }
      try {
        await waitForDatabase(driver, 0);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } finally {
    await driver.close();
  }
}

/**
 * `npm run db:start`: idempotent; returns once Bolt answers. With NEO4J_URI set it only checks
 * that the external server answers. `instance` is the bundled instance to start (by default the
 * one KEIRO_INSTANCE, KEIRO_NEO4J_VERSION and KEIRO_BOLT_PORT name).
 */
export async function startDatabase(instance?: LocalInstance): Promise<StartResult> {
  const began = Date.now();
  const seconds = () => (Date.now() - began) / 1000;
  if (!instance && process.env.NEO4J_URI) {
    const config = databaseConfig();
    const driver = openDriver({ ...config, database: null });
    try {
      await waitForDatabase(driver, 30_000);
    } finally {
      await driver.close();
    }
    return { uri: config.uri, started: false, seconds: seconds() };
  }
  const local = instance ?? localInstance();
  const version = bundledVersion(local.version);
  const java = findJava(version);
  const lib = assembleServer(version.version);
  adoptUnversionedStore(local);
  const uri = `bolt://127.0.0.1:${local.boltPort}`;
  const existing = runningPid(local);
  if (existing !== null) {
    await waitForBolt(local, existing, `${local.dir}/logs/console.log`);
    return { uri, started: false, seconds: seconds() };
  }
  if (await portInUse(local.boltPort)) {
    throw new ConfigError(
      `Port ${local.boltPort} on 127.0.0.1 is already taken by another program. Stop it, or choose another port with KEIRO_BOLT_PORT.`,
    );
  }
  if (java.command !== "java") {
    process.stderr.write(`Neo4j ${version.version} runs on Java ${java.major} (${java.command}).\n`);
  }
  const { pid, consoleLog } = launchServer(local, lib, java);
  await waitForBolt(local, pid, consoleLog);
  return { uri, started: true, seconds: seconds() };
}

/**
 * Before stores were kept per version, an instance lived in `.neo4j/instances/NAME`, always made
 * by 5.26.31: it becomes that version's store, so its data and password are kept.
 */
export function adoptUnversionedStore(instance: LocalInstance): void {
  if (instance.version !== DEFAULT_NEO4J_VERSION || existsSync(instance.dir)) return;
  const old = join(instance.dir, "..", instance.name);
  if (!existsSync(join(old, "password"))) return;
  const stale = runningPid({ ...instance, dir: old });
  if (stale !== null) {
    throw new ConfigError(
      `The bundled Neo4j (${instance.name}) still runs from ${old}, where an older Keiro started it (pid ${stale}). Stop it with \`npm run db:stop\`, then start again: its store moves to ${instance.dir}.`,
    );
  }
  renameSync(old, instance.dir);
  process.stderr.write(`Moved the store of ${old} to ${instance.dir} (one store per Neo4j version).\n`);
}

/** Stops the instance's server; also one an older Keiro started from its unversioned folder. */
export async function stopDatabase(instance: LocalInstance = localInstance()): Promise<boolean> {
  if (await stopServer(instance)) return true;
  if (instance.version !== DEFAULT_NEO4J_VERSION) return false;
  return stopServer({ ...instance, dir: join(instance.dir, "..", instance.name) });
}
