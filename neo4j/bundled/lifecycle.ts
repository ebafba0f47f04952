import { createConnection } from "node:net";
import { ConfigError, databaseConfig, type LocalInstance, localInstance } from "../config.ts";
import { openDriver, waitForDatabase } from "../driver.ts";
import {
  assembleServer,
  checkJava,
  consoleTail,
  launchServer,
  NEO4J_VERSION,
  runningPid,
  serverIsAlive,
  stopServer,
} from "./server.ts";

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
  const config = databaseConfig();
  const driver = openDriver(config);
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
 * that the external server answers.
 */
export async function startDatabase(): Promise<StartResult> {
  const began = Date.now();
  const seconds = () => (Date.now() - began) / 1000;
  if (process.env.NEO4J_URI) {
    const config = databaseConfig();
    const driver = openDriver(config);
    try {
      await waitForDatabase(driver, 30_000);
    } finally {
      await driver.close();
    }
    return { uri: config.uri, started: false, seconds: seconds() };
  }
  const instance = localInstance();
  checkJava();
  const lib = assembleServer();
  const uri = `bolt://127.0.0.1:${instance.boltPort}`;
  const existing = runningPid(instance);
  if (existing !== null) {
    await waitForBolt(instance, existing, `${instance.dir}/logs/console.log`);
    return { uri, started: false, seconds: seconds() };
  }
  if (await portInUse(instance.boltPort)) {
    throw new ConfigError(
      `Port ${instance.boltPort} on 127.0.0.1 is already taken by another program. Stop it, or choose another port with KEIRO_BOLT_PORT.`,
    );
  }
  const { pid, consoleLog } = launchServer(instance, lib);
  await waitForBolt(instance, pid, consoleLog);
  return { uri, started: true, seconds: seconds() };
}

export async function stopDatabase(): Promise<boolean> {
  return stopServer(localInstance());
}

export { NEO4J_VERSION };
