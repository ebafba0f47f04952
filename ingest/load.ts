import neo4j, { type Driver } from "neo4j-driver";
import { GRAPH_FORMAT } from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { applySchema, refreshIndexStatistics } from "../neo4j/schema.ts";
import { formatProblem, type ValidatedDataset } from "./dataset.ts";
import { type HeldLoadLock, withLoadLock } from "./lock.ts";
import { type LoadProgress, type LoadSummary, recordDataset, storedBatches } from "./rows.ts";
import { promote, stage, sweep } from "./staged.ts";
import type { TableName } from "./tables.ts";
import { validateSource } from "./workbook/index.ts";

/** How long a merge into a non-empty graph may take before the server gives up on it. */
const MERGE_TIMEOUT_MS = 60 * 60 * 1000;

export type { LoadSummary } from "./rows.ts";

/** The queries that load one file's batches, in order. */
function mergeQueries(table: TableName): string[] {
  switch (table) {
    case "organisations":
      return [cypher("ingest/organisations")];
    case "contracts":
      return [cypher("ingest/contracts-move"), cypher("ingest/contracts")];
    case "incidents":
      return [cypher("ingest/incidents")];
    case "exposures":
      return [cypher("ingest/exposures")];
  }
}

/**
 * Loads a validated dataset. Into an empty graph or with --replace (the big loads) it is staged
 * beside the live graph in constant-cost batches and swapped in by one small transaction; the
 * retired graph is then deleted in small transactions. A merge into a non-empty graph runs as ONE
 * transaction instead, since it updates live rows in place. Either way a failure at any point
 * leaves the live graph exactly as it was.
 */
export async function loadDataset(
  driver: Driver,
  dataset: ValidatedDataset,
  options: {
    replace: boolean;
    onRows?: (count: number) => void;
    onPhase?: (phase: LoadPhase) => void | Promise<void>;
  },
): Promise<LoadSummary> {
  const progress = { onRows: options.onRows ?? (() => {}) };
  const onPhase = options.onPhase ?? (() => {});
  const datasetParams = {
    name: dataset.name,
    fingerprint: dataset.fingerprint,
    loadedAt: new Date().toISOString(),
    format: neo4j.int(GRAPH_FORMAT),
  };
  const summary = await withLoadLock(driver, async (lock) => {
    const empty =
      (
        await driver.executeQuery(cypher("ingest/is-empty"), {}, { routing: neo4j.routing.WRITE })
      ).records[0]?.get("empty") === true;
    if (!options.replace && !empty) return mergeLoad(driver, dataset, progress, datasetParams, lock);
    return stagedLoad(driver, dataset, { replace: options.replace, progress, onPhase, datasetParams, lock });
  });
  await refreshIndexStatistics(driver);
  return summary;
}

/** The big load: staged beside the live graph, swapped in, the retired graph deleted. */
async function stagedLoad(
  driver: Driver,
  dataset: ValidatedDataset,
  options: {
    replace: boolean;
    progress: LoadProgress;
    onPhase: (phase: LoadPhase) => void | Promise<void>;
    datasetParams: Record<string, unknown>;
    lock: HeldLoadLock;
  },
): Promise<LoadSummary> {
  const { progress, onPhase, datasetParams, lock } = options;

  await onPhase("sweep");
  await sweep(driver);
  await onPhase("stage");
  let summary: LoadSummary;
  try {
    await stage(driver, dataset.files, progress);
    await onPhase("swap");
    summary = await promote(driver, {
      replace: options.replace,
      datasetParams,
      expected: dataset.rows,
      lock,
    });
  } catch (error) {
    // The staged rows are invisible; delete them now if the server still answers (else the next
    // load does).
    await sweep(driver).catch(() => {});
    throw error;
  }
  await onPhase("retire");
  await sweep(driver);
  return summary;
}

export type LoadPhase = "sweep" | "stage" | "swap" | "retire";

async function mergeLoad(
  driver: Driver,
  dataset: ValidatedDataset,
  progress: LoadProgress,
  datasetParams: Record<string, unknown>,
  lock: HeldLoadLock,
): Promise<LoadSummary> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(
      async (tx) => {
        for (const file of dataset.files) {
          for await (const rows of storedBatches(file)) {
            for (const query of mergeQueries(file.spec.name)) await tx.run(query, { rows });
            progress.onRows(rows.length);
          }
        }
        // A merge may move any organisation's contracts: every stored contract count is redone.
        await tx.run(cypher("ingest/degrees"));
        const summary = await recordDataset(tx, datasetParams);
        await lock.committing();
        return summary;
      },
      { timeout: MERGE_TIMEOUT_MS },
    );
  } finally {
    await lock.committed().catch(() => {});
    await session.close();
  }
}

/** A dataset that did not validate; its problems say where, as `file:line: message`. */
export class InvalidDatasetError extends Error {
  constructor(readonly dataset: ValidatedDataset) {
    super(dataset.problems.map(formatProblem).join("\n"));
  }
}

/** Validates a dataset folder or workbook and loads it, refusing it whole on any problem. */
export async function validateAndLoad(
  driver: Driver,
  path: string,
  options: { replace: boolean },
): Promise<LoadSummary> {
  await applySchema(driver);
  const source = await validateSource(path);
  try {
    if (source.dataset.problemCount > 0) throw new InvalidDatasetError(source.dataset);
    return await loadDataset(driver, source.dataset, options);
  } finally {
    await source.dispose();
  }
}
