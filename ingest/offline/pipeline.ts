import { hostname } from "node:os";
import neo4j, { type Driver } from "neo4j-driver";
import { GRAPH_FORMAT } from "../../domain/index.ts";
import { AdminCommandError } from "../../neo4j/bundled/admin.ts";
import { startDatabase, stopDatabase } from "../../neo4j/bundled/lifecycle.ts";
import { databaseName, type LocalInstance, localConfig, localInstance } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { cypher } from "../../neo4j/queries.ts";
import { applySchema, refreshIndexStatistics } from "../../neo4j/schema.ts";
import type { ValidatedDataset } from "../dataset.ts";
import { HEARTBEAT_MS, LoadRunningError, leaseFromNow, newLockOwner, takeLoadLock } from "../lock.ts";
import type { Progress } from "../progress.ts";
import { type LoadSummary, recordDataset } from "../rows.ts";
import { type Converted, writeLockNode } from "./csv.ts";
import { takeLockFile } from "./lockFile.ts";
import {
  cleanWork,
  discardBackup,
  hasBackup,
  importStore,
  prepareWork,
  restoreBackup,
  type StoreLayout,
  storeLayout,
  swapIn,
} from "./store.ts";

/** The derived properties and the schema on a million contracts outlast the server's default timeout. */
const LONG_TIMEOUT_MS = 60 * 60 * 1000;
/**
 * The lease the new store's LoadLock starts with: from its conversion until the server has come
 * back on it and the first heartbeat renews it (a killed load's lock is taken over at once anyway:
 * its pid is dead on this host).
 */
const IMPORT_LEASE_MS = 60 * 60 * 1000;

/** A refusal before anything was changed, with the command's exit status. */
export class OfflineRefusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A step failed (not the importer: AdminCommandError); the previous store is back, the server running on it. */
export class OfflineLoadFailed extends Error {
  constructor(readonly failure: unknown) {
    super(
      `${(failure as Error).message}\nThe offline load failed; the previous graph is back and the server runs on it.`,
      { cause: failure },
    );
  }
}

export interface OfflineReport {
  summary: LoadSummary;
  uri: string;
  /** How long the server was down (stopped until it answered again), in seconds. */
  downtime: number;
}

/** The instance an offline load works on, or a refusal when the database is not ours to stop. */
export function offlineInstance(): LocalInstance {
  if (process.env.NEO4J_URI)
    throw new OfflineRefusal(
      "--offline stops the bundled Neo4j to import into it, and NEO4J_URI names an external server, which is not ours to stop; nothing was loaded. Load it without --offline.",
      1,
    );
  return localInstance();
}

/** The database's load lock held for the offline load: taken, renewed, released by its owner. */
class HeldLock {
  private heartbeat: NodeJS.Timeout | undefined;
  constructor(
    readonly owner: string,
    private driver: Driver,
  ) {}
  beat(driver: Driver): void {
    this.stop();
    this.driver = driver;
    const renew = () =>
      driver.executeQuery(
        cypher("ingest/lock/renew"),
        { owner: this.owner, leaseUntil: leaseFromNow() },
        { routing: neo4j.routing.WRITE },
      );
    renew().catch(() => {});
    this.heartbeat = setInterval(() => renew().catch(() => {}), HEARTBEAT_MS);
  }
  stop(): void {
    clearInterval(this.heartbeat);
  }
  async release(): Promise<void> {
    this.stop();
    await this.driver.executeQuery(
      cypher("ingest/lock/release"),
      { owner: this.owner },
      { routing: neo4j.routing.WRITE },
    );
  }
}

const open = (instance: LocalInstance) => openDriver(localConfig(instance));

/**
 * The first load of a big dataset through Neo4j's offline importer. All or nothing: the new store
 * is imported beside the live one while the server still serves it; then, the server stopped, the
 * live store is moved aside and the new one into its place, the server started on it, and the
 * properties the online loader derives computed in Cypher. A failure at any step puts the old
 * store back and starts the server on it. The imported store starts with the load's LoadLock
 * marked `committing`, so that readers (engine/oneLoad.ts) wait until the derived properties and
 * the dataset stamp are written instead of reading a graph without them.
 */
export async function offlineLoad(
  instance: LocalInstance,
  dataset: ValidatedDataset,
  /** The importer's CSV files, written as the dataset was validated (ingest/offline/csv.ts), in `csvDir`. */
  converted: Converted,
  csvDir: string,
  options: { replace: boolean; progress: Progress; endPhase: (name: string) => void },
): Promise<OfflineReport> {
  const { progress, endPhase } = options;
  const layout = storeLayout(instance, databaseName() ?? "neo4j");
  const fileLock = takeLockFile(instance);
  let driver: Driver | undefined;
  let lock: HeldLock | undefined;
  // From the moment the server is stopped, a failure must put the old store back and start it.
  let stopped = false;
  try {
    if (hasBackup(layout)) await recover(instance, layout, progress);
    const { uri } = await startDatabase(instance);
    driver = open(instance);
    lock = new HeldLock(newLockOwner(), driver);
    await takeLoadLock(driver, lock.owner);
    lock.beat(driver);
    const empty =
      (
        await driver.executeQuery(cypher("ingest/is-empty"), {}, { routing: neo4j.routing.WRITE })
      ).records[0]?.get("empty") === true;
    if (!options.replace && !empty)
      throw new OfflineRefusal(
        "The graph already holds data, and --offline replaces the whole graph: add --replace to replace it; nothing was loaded.",
        1,
      );
    endPhase("locked");

    prepareWork(layout);
    const lockNode = await writeLockNode(csvDir, {
      owner: lock.owner,
      host: hostname(),
      pid: process.pid,
      since: new Date().toISOString(),
      leaseUntil: new Date(Date.now() + IMPORT_LEASE_MS).toISOString(),
    });
    await importStore(
      instance,
      layout,
      { ...converted, files: [...converted.files, lockNode] },
      {
        onStage: (stage) => progress.phase(`importing ${stage}`, 100, "%"),
        onPercent: (percent) => progress.update(percent),
      },
    );
    progress.end();
    endPhase("imported");

    progress.note("Stopping the server to swap the new store in (the database is down until it restarts)…");
    const down = Date.now();
    lock.stop();
    await driver.close();
    driver = undefined;
    stopped = true;
    await stopDatabase(instance);
    swapIn(layout);
    progress.note("Restarting the server on the new store…");
    await startDatabase(instance);
    const downtime = (Date.now() - down) / 1000;
    endPhase("swapped and restarted");

    driver = open(instance);
    lock.beat(driver);
    progress.note("Deriving search keys and contract counts…");
    // Before the indexes: populating an index once over derived values is faster than keeping it
    // up to date while they are set (measured at 1M contracts: 52 s in this order, 75 s the other).
    await derive(driver);
    endPhase("derived");
    progress.note("Building constraints and indexes…");
    await applySchema(driver);
    endPhase("indexed");
    const summary = await stamp(driver, dataset);
    await lock.release();
    await refreshIndexStatistics(driver);
    discardBackup(layout);
    cleanWork(layout);
    return { summary, uri, downtime };
  } catch (error) {
    lock?.stop();
    await driver?.close();
    driver = undefined;
    try {
      if (stopped) {
        progress.note("The load failed after the server was stopped: putting the previous store back…");
        await stopDatabase(instance);
        restoreBackup(layout);
        await startDatabase(instance);
      }
      // The previous graph holds the lock this load took before the import: it is given back.
      if (lock) {
        const again = open(instance);
        await new HeldLock(lock.owner, again).release().catch(() => {});
        await again.close();
      }
      cleanWork(layout);
    } catch (restoring) {
      throw new Error(
        `${(error as Error).message}\nThen putting the previous store back failed: ${(restoring as Error).message}\nThe next load (offline or not) finishes putting it back.`,
        { cause: error },
      );
    }
    if (
      error instanceof OfflineRefusal ||
      error instanceof LoadRunningError ||
      error instanceof AdminCommandError
    )
      throw error;
    throw new OfflineLoadFailed(error);
  } finally {
    progress.end();
    await driver?.close();
    fileLock.release();
  }
}

/** What the online loader derives as it writes: the search keys and each organisation's contract count. */
async function derive(driver: Driver): Promise<void> {
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction: session.run.
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(cypher("ingest/offline/derived"), {}, { timeout: LONG_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}

/** The dataset's stamp (name, fingerprint, format, sizes) as the online loader records it. */
async function stamp(driver: Driver, dataset: ValidatedDataset): Promise<LoadSummary> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) =>
      recordDataset(tx, {
        name: dataset.name,
        fingerprint: dataset.fingerprint,
        loadedAt: new Date().toISOString(),
        format: neo4j.int(GRAPH_FORMAT),
      }),
    );
  } finally {
    await session.close();
  }
}

/** An offline load was killed after its swap: its backup, the graph before it, goes back. */
async function recover(instance: LocalInstance, layout: StoreLayout, progress: Progress): Promise<void> {
  progress.note("An earlier offline load did not finish: putting the store it replaced back…");
  await stopDatabase(instance);
  restoreBackup(layout);
  cleanWork(layout);
}

/**
 * For the online loader on a bundled instance: an offline load killed after its swap left the
 * store it replaced aside; that store, the graph before it, goes back before anything is loaded.
 * (Under the lock file, which the caller has found free.)
 */
export async function recoverInterruptedOffline(instance: LocalInstance, progress: Progress): Promise<void> {
  const layout = storeLayout(instance, databaseName() ?? "neo4j");
  if (!hasBackup(layout)) return;
  const fileLock = takeLockFile(instance);
  try {
    if (!hasBackup(layout)) return;
    await recover(instance, layout, progress);
    await startDatabase(instance);
  } finally {
    fileLock.release();
  }
}
