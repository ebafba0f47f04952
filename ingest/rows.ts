import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { cypher } from "../neo4j/queries.ts";
import { type DatasetFile, readRows } from "./dataset.ts";
import type { ParsedRow, Properties } from "./tables.ts";

/** Rows per UNWIND batch. */
export const BATCH_SIZE = 10_000;

export interface LoadProgress {
  /** Called after each batch a transaction has taken, with its row count. */
  onRows: (count: number) => void;
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

/** A parsed row as the ingest queries take it in `$rows`. */
export function storedRow(row: ParsedRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.params)) {
    out[key] = value !== null && typeof value === "object" ? storedProps(value as Properties) : value;
  }
  return out;
}

/** A validated file's rows, parsed again streaming, in batches ready for `UNWIND $rows`. */
export async function* storedBatches(file: DatasetFile): AsyncGenerator<Record<string, unknown>[]> {
  let batch: Record<string, unknown>[] = [];
  for await (const row of readRows(file)) {
    batch.push(storedRow(row));
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** What the graph holds after a load. */
export interface LoadSummary {
  organisations: number;
  contracts: number;
  incidents: number;
  exposures: number;
}

/** Records the loaded dataset (fingerprint, time, sizes) in the load's last transaction. */
export async function recordDataset(
  tx: ManagedTransaction,
  params: Record<string, unknown>,
): Promise<LoadSummary> {
  const record = (await tx.run(cypher("ingest/dataset"), params)).records[0];
  return record?.toObject() as LoadSummary;
}
