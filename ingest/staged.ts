import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../neo4j/queries.ts";
import type { DatasetFile } from "./dataset.ts";
import type { HeldLoadLock } from "./lock.ts";
import { type LoadProgress, type LoadSummary, recordDataset, storedBatches } from "./rows.ts";
import type { TableName } from "./tables.ts";

/** One batch's transaction may take this long before the server gives up on it. */
const BATCH_TIMEOUT_MS = 5 * 60 * 1000;
/** The loader's own long operations (counting, sweeping, clearing) outlast the server's default timeout on purpose. */
const LONG_TIMEOUT_MS = 60 * 60 * 1000;

const STAGE_QUERY: Record<TableName, string> = {
  organisations: "ingest/staged/organisations",
  contracts: "ingest/staged/contracts",
  incidents: "ingest/staged/incidents",
  exposures: "ingest/staged/exposures",
};

/**
 * Writes a validated dataset beside the live graph, under staging labels that no query reads,
 * one transaction per batch: each commit costs the same whatever the size of the dataset (a
 * single transaction grew slower with every batch, 564 s for 1.1M rows). The next batch is
 * parsed while the server writes the current one.
 */
export async function stage(driver: Driver, files: DatasetFile[], progress: LoadProgress): Promise<void> {
  for (const file of files) {
    const query = cypher(STAGE_QUERY[file.spec.name]);
    let writing: Promise<void> = Promise.resolve();
    const send = async (rows: Record<string, unknown>[]) => {
      await writing;
      writing = driver
        .executeQuery(
          query,
          { rows },
          { routing: neo4j.routing.WRITE, transactionConfig: { timeout: BATCH_TIMEOUT_MS } },
        )
        .then(() => progress.onRows(rows.length));
      // A failed write must not go unobserved while the next batch is parsed; it throws at the
      // next await of `writing`.
      writing.catch(() => {});
    };
    for await (const rows of storedBatches(file)) await send(rows);
    await writing;
  }
  // Each staged organisation's contract count, for the overview's order: counted once here, in
  // batches beside the live graph, instead of over every organisation on every overview request.
  // (CALL … IN TRANSACTIONS runs only in an auto-commit transaction: session.run.)
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(cypher("ingest/staged/degrees"), {}, { timeout: LONG_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}

/**
 * The swap: in ONE transaction the live graph (with --replace) is retired and the staged one goes
 * live, so a reader sees the old graph or the new one, never a mix. Returns the sizes written.
 */
export async function promote(
  driver: Driver,
  options: {
    replace: boolean;
    datasetParams: Record<string, unknown>;
    expected: Record<TableName, number>;
    lock: HeldLoadLock;
  },
): Promise<LoadSummary> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(
      async (tx) => {
        const staged = (await tx.run(cypher("ingest/staged/counts"))).records[0]?.toObject();
        for (const [table, rows] of Object.entries(options.expected)) {
          if (staged?.[table] !== rows) {
            throw new StagingMismatchError(
              `The staged ${table} (${staged?.[table]}) do not match the dataset's ${rows} rows: was another load running at the same time? Nothing was changed; load again.`,
            );
          }
        }
        if (options.replace) await tx.run(cypher("ingest/staged/retire"));
        await tx.run(cypher("ingest/staged/promote-organisations"));
        await tx.run(cypher("ingest/staged/promote-incidents"));
        const summary = await recordDataset(tx, options.datasetParams);
        await options.lock.committing();
        return summary;
      },
      { timeout: BATCH_TIMEOUT_MS },
    );
  } finally {
    await options.lock.committed().catch(() => {});
    await session.close();
  }
}

/** The staged rows are not the dataset's (another load swept or added some): nothing is swapped. */
export class StagingMismatchError extends Error {}

/** Deletes retired graphs and any staging a failed or killed load left, in small transactions. */
export async function sweep(driver: Driver): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    const leftovers = (await session.run(cypher("ingest/staged/leftovers"))).records[0]?.get(
      "leftovers",
    ) as number;
    // Deleting a retired million-contract graph takes minutes: longer than the server's default.
    if (leftovers > 0) {
      await session.run(cypher("ingest/staged/sweep-relationships"), {}, { timeout: LONG_TIMEOUT_MS });
      await session.run(cypher("ingest/staged/sweep"), {}, { timeout: LONG_TIMEOUT_MS });
    }
    return leftovers;
  } finally {
    await session.close();
  }
}

/** Empties the live graph the way --replace does: retired in one transaction, then swept. */
export async function clearGraph(driver: Driver): Promise<void> {
  await driver.executeQuery(
    cypher("ingest/staged/retire"),
    {},
    { routing: neo4j.routing.WRITE, transactionConfig: { timeout: LONG_TIMEOUT_MS } },
  );
  await sweep(driver);
}
