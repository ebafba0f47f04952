import { basename, resolve } from "node:path";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import { applySchema } from "../db/lifecycle.ts";
import {
  type DatasetFile,
  formatProblem,
  readRows,
  type ValidatedDataset,
  validateDataset,
} from "./dataset.ts";
import type { ParsedRow, Properties, TableName } from "./tables.ts";

export const BATCH_SIZE = 10_000;

/** How long one load may take before the server gives up on it. */
const LOAD_TIMEOUT_MS = 60 * 60 * 1000;

export interface LoadSummary {
  organisations: number;
  contracts: number;
  incidents: number;
  exposures: number;
}

/** Counts must reach Neo4j as integers (JS numbers would be stored as floats); [] as absent. */
function storedProps(props: Properties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === "number") out[key] = neo4j.int(value);
    else if (Array.isArray(value) && value.length === 0) out[key] = null;
    else out[key] = value;
  }
  return out;
}

export function storedRow(row: ParsedRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.params)) {
    out[key] = value !== null && typeof value === "object" ? storedProps(value as Properties) : value;
  }
  return out;
}

/** The queries that load one file's batches, in order. */
function queriesFor(table: TableName, intoEmptyGraph: boolean): string[] {
  switch (table) {
    case "organisations":
      return [cypher("ingest/organisations")];
    case "outsourcing":
      return intoEmptyGraph
        ? [cypher("ingest/contracts-create")]
        : [cypher("ingest/contracts-move"), cypher("ingest/contracts")];
    case "incidents":
      return [cypher("ingest/incidents")];
    case "exposures":
      return [cypher("ingest/exposures")];
  }
}

async function loadFile(
  tx: ManagedTransaction,
  file: DatasetFile,
  queries: string[],
  onRows: (count: number) => void,
): Promise<void> {
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    for (const query of queries) await tx.run(query, { rows: batch });
    onRows(batch.length);
    batch = [];
  };
  for await (const row of readRows(file)) {
    batch.push(storedRow(row));
    if (batch.length >= BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
}

/**
 * Loads a validated dataset in ONE managed write transaction, in UNWIND batches: a failure at
 * any point (bad luck, the server dying) leaves the graph exactly as it was, and a retry of a
 * transient error reads the files again from the start.
 */
export async function loadDataset(
  driver: Driver,
  dataset: ValidatedDataset,
  options: { replace: boolean; onRows?: (count: number) => void },
): Promise<LoadSummary> {
  const onRows = options.onRows ?? (() => {});
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(
      async (tx) => {
        if (options.replace) await tx.run(cypher("ingest/clear"));
        const empty = (await tx.run(cypher("ingest/is-empty"))).records[0]?.get("empty") === true;
        for (const file of dataset.files) {
          const queries = queriesFor(file.spec.name, empty);
          await loadFile(tx, file, queries, onRows);
        }
        const result = await tx.run(cypher("ingest/dataset"), {
          name: basename(resolve(dataset.dir)),
          fingerprint: dataset.fingerprint,
          loadedAt: new Date().toISOString(),
        });
        const record = result.records[0];
        return {
          organisations: record?.get("organisations") as number,
          contracts: record?.get("contracts") as number,
          incidents: record?.get("incidents") as number,
          exposures: record?.get("exposures") as number,
        };
      },
      { timeout: LOAD_TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
}

/** A dataset that did not validate; its problems say where, as `file:line: message`. */
export class InvalidDatasetError extends Error {
  constructor(readonly dataset: ValidatedDataset) {
    super(dataset.problems.map(formatProblem).join("\n"));
  }
}

/** Validates a dataset folder and loads it, refusing it whole on any problem. */
export async function validateAndLoad(
  driver: Driver,
  dir: string,
  options: { replace: boolean },
): Promise<LoadSummary> {
  await applySchema(driver);
  const dataset = await validateDataset(dir);
  if (dataset.problemCount > 0) throw new InvalidDatasetError(dataset);
  return loadDataset(driver, dataset, options);
}
