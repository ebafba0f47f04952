import type { Driver, ManagedTransaction } from "neo4j-driver";
import { checkGraphFormat, type DatasetStamp, loadKeyOf, ReloadNeededError } from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { readTransaction } from "../neo4j/read.ts";

/** The live graph's dataset: its stamp, the key of its load, and the sizes the loader recorded. */
export interface LiveDataset {
  stamp: DatasetStamp;
  /** Which load of which dataset: a new load (even of the same files) is a new key. */
  key: string;
  /** Sizes as the load recorded them; null when nothing is loaded. */
  organisations: number | null;
  contracts: number | null;
  exposures: number | null;
}

/** The same, and whether a load is committing a change to the live graph (what is read now may be half of it). */
interface LookedAt extends LiveDataset {
  committing: boolean;
}

/**
 * The live dataset and the load lock, as readOneLoad looks at them before its read (the key first,
 * then the lock) and after it (the lock first, then the key): whichever way a commit falls
 * between two queries, a look that finds no commit running brackets the read with keys that
 * tell whether one was applied in between.
 */
async function lookAt(tx: ManagedTransaction, when: "before" | "after"): Promise<LookedAt> {
  const committing = async () =>
    (await tx.run(cypher("ingest/lock/committing-now"))).records[0]?.get("committing") === true;
  if (when === "before") {
    const live = await liveDataset(tx);
    return { ...live, committing: await committing() };
  }
  const running = await committing();
  return { ...(await liveDataset(tx)), committing: running };
}

export const keyOf = (stamp: DatasetStamp) => loadKeyOf(stamp);

/** Whether two stamps name the same load. */
export const sameLoad = (a: DatasetStamp, b: DatasetStamp) => keyOf(a) === keyOf(b);

/**
 * Which load of which dataset the live graph is. A graph stored in an older format is refused
 * (ReloadNeededError), never answered.
 */
export async function liveDataset(tx: ManagedTransaction): Promise<LiveDataset> {
  const row = (await tx.run(cypher("blast-radius/dataset"))).records[0]?.toObject() ?? {};
  checkGraphFormat(row.loaded === true, (row.format as number | null) ?? null);
  const stamp: DatasetStamp = {
    name: row.name ?? null,
    fingerprint: row.fingerprint ?? null,
    loadedAt: row.loadedAt ?? null,
  };
  return {
    stamp,
    key: keyOf(stamp),
    organisations: row.organisations ?? null,
    contracts: row.contracts ?? null,
    exposures: row.exposures ?? null,
  };
}

/** A load swapped in while an answer was read: the answer is read again. */
export class DatasetChanged extends Error {
  constructor() {
    super("A load swapped in another dataset while the answer was read; read it again.");
  }
}

/** How many times an answer is read before a swapping load is given up on. */
const ATTEMPTS = 4;
/** How often a reader looks again whether a load has finished committing. */
const COMMIT_POLL_MS = 50;

/** A load was committing when the read began or ended: wait for it, then read again. */
class LoadCommitting extends Error {}

/**
 * Reads an answer from one load. Neo4j's reads are read-committed: one transaction may see a load
 * that commits in its middle, and even one query may see a commit half applied (Neo4j applies a
 * commit record by record: properties, then nodes' labels, indexes last). So the answer is read
 * between two looks at the dataset key and the load lock: when a load was committing at either
 * look (ingest/lock.ts marks its commit), or the key differs, the answer is read again once the
 * commit has returned. A failure while a load swapped in (an id of the old graph not found, a
 * node deleted under the read) is read again too: only the same failure on a graph that stayed
 * put is the answer. `work` may throw DatasetChanged itself when what it read does not add up to
 * the load's recorded sizes. Waiting for a commit is bounded by `timeoutMs`; after that the two
 * keys alone decide (a request is answered, never refused for a load).
 */
export async function readOneLoad<T>(
  driver: Driver,
  work: (tx: ManagedTransaction, live: LiveDataset) => Promise<T>,
  timeoutMs: number,
): Promise<{ value: T; live: LiveDataset }> {
  const waitUntil = Date.now() + timeoutMs;
  for (let attempt = 1; ; ) {
    let began: string | undefined;
    const waiting = Date.now() < waitUntil;
    try {
      return await readTransaction(
        driver,
        async (tx) => {
          const live = await lookAt(tx, "before");
          if (live.committing && waiting) throw new LoadCommitting();
          began = live.key;
          const value = await work(tx, live);
          const end = await lookAt(tx, "after");
          if (end.committing && waiting) throw new LoadCommitting();
          if (end.key !== live.key) throw new DatasetChanged();
          return { value, live: datasetOf(live) };
        },
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof LoadCommitting) {
        await new Promise((resolve) => setTimeout(resolve, COMMIT_POLL_MS));
        continue;
      }
      if (attempt < ATTEMPTS && (await swappedSince(driver, began, error))) {
        attempt += 1;
        continue;
      }
      throw error;
    }
  }
}

/** Whether a failed read is to be read again: a load swapped in (or was committing) since it began. */
async function swappedSince(driver: Driver, began: string | undefined, error: unknown): Promise<boolean> {
  if (error instanceof DatasetChanged) return true;
  if (began === undefined || error instanceof ReloadNeededError) return false;
  // The failed transaction may be unusable: the key is read in a new one.
  const now = await readTransaction(driver, (tx) => lookAt(tx, "after"), 10_000).catch(() => ({
    key: began,
    committing: false,
  }));
  return now.key !== began || now.committing;
}

const datasetOf = ({ committing: _committing, ...live }: LookedAt): LiveDataset => live;
