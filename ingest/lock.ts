import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../neo4j/queries.ts";

/** How long a lock outlives its last heartbeat: a killed load's lock is dead after this. */
export const LEASE_MS = 60_000;
export const HEARTBEAT_MS = 15_000;

/** Whether a process of this host is alive (a dead load's lock is taken over at once). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Another load holds the lock (exit 3, nothing written). */
export class LoadRunningError extends Error {
  constructor(
    readonly owner: string,
    readonly since: string,
  ) {
    super(
      `Another load is running (${owner}, since ${since}); nothing was loaded. Try again when it has finished.`,
    );
  }
}

/**
 * What a load holding the lock says about the transaction that changes the live graph: `committing`
 * just before it commits (from inside it, after its last statement), `committed` once the commit
 * has returned. Readers (engine/oneLoad.ts) read nothing in between.
 */
export interface HeldLoadLock {
  committing(): Promise<void>;
  committed(): Promise<void>;
}

/** A name for a load that holds the lock: its host, pid and a random part. */
export function newLockOwner(): string {
  return `${hostname()} pid ${process.pid} ${randomUUID().slice(0, 8)}`;
}

/** The lease a lock taken or renewed now runs to. */
export const leaseFromNow = () => new Date(Date.now() + LEASE_MS).toISOString();

/**
 * Takes the database's load lock for `owner`, or throws LoadRunningError. A lock whose load died
 * on this machine is taken over at once; any other only once its lease has run out.
 */
export async function takeLoadLock(driver: Driver, owner: string): Promise<void> {
  const take = async (deadOwner: string | null) => {
    const { records } = await driver.executeQuery(
      cypher("ingest/lock/take"),
      {
        owner,
        host: hostname(),
        pid: neo4j.int(process.pid),
        now: new Date().toISOString(),
        leaseUntil: leaseFromNow(),
        deadOwner,
      },
      { routing: neo4j.routing.WRITE },
    );
    return records[0]?.toObject() as {
      mine: boolean;
      owner: string;
      host: string;
      pid: number;
      since: string;
    };
  };
  let held = await take(null);
  // A load killed on this machine need not wait for its lease to run out.
  if (!held.mine && held.host === hostname() && !isAlive(held.pid)) held = await take(held.owner);
  if (!held.mine) throw new LoadRunningError(held.owner, held.since);
}

/**
 * Runs `work` holding the database's load lock: a `LoadLock` node with its owner and a lease,
 * renewed every 15 s while the work runs and deleted at the end. A second load finds it held and
 * is refused with LoadRunningError before it writes anything; a lock whose lease has run out (its
 * load was killed) is taken over, and that load then sweeps what the dead one left.
 */
export async function withLoadLock<T>(driver: Driver, work: (lock: HeldLoadLock) => Promise<T>): Promise<T> {
  const owner = newLockOwner();
  await takeLoadLock(driver, owner);
  const heartbeat = setInterval(() => {
    driver
      .executeQuery(
        cypher("ingest/lock/renew"),
        { owner, leaseUntil: leaseFromNow() },
        { routing: neo4j.routing.WRITE },
      )
      .catch(() => {});
  }, HEARTBEAT_MS);
  const mark = (query: string) => async () => {
    await driver.executeQuery(cypher(query), { owner }, { routing: neo4j.routing.WRITE });
  };
  try {
    return await work({
      committing: mark("ingest/lock/committing"),
      committed: mark("ingest/lock/committed"),
    });
  } finally {
    clearInterval(heartbeat);
    await driver
      .executeQuery(cypher("ingest/lock/release"), { owner }, { routing: neo4j.routing.WRITE })
      .catch(() => {});
  }
}
