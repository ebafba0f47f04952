import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { DatasetStamp, Incident, OrganisationSummary } from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { rowsOf } from "../neo4j/read.ts";
import type { ListedContracts } from "./contractReach.ts";
import { type CopiedContract, type CopyColumns, CopyColumnsBuilder } from "./copyColumns.ts";
import { type CopiedExposure, type CopyData, deriveCopy } from "./copyData.ts";
import { InMemoryCopy } from "./inMemoryCopy.ts";
import { DatasetChanged, type LiveDataset, readOneLoad } from "./oneLoad.ts";

/** Reading a million contracts outlasts the server's default transaction timeout on purpose. */
export const COPY_READ_TIMEOUT_MS = 10 * 60 * 1000;

/** The live graph as read for a copy: its columns, its exposures and the load they are of. */
export interface GraphRead {
  key: string;
  stamp: DatasetStamp;
  columns: CopyColumns;
  exposures: CopiedExposure[];
  incidents: Incident[];
}

/**
 * The live graph read for an in-memory copy, all of it from one load (oneLoad.ts: read again when
 * a load swapped in meanwhile). Contracts stream record by record into typed columns: a million
 * records are never held as objects at once. What was read must add up to the sizes the load
 * recorded: a load's swap becomes visible record by record, and a read in its middle would
 * otherwise pass for one load.
 */
export async function readGraph(driver: Driver, timeoutMs = COPY_READ_TIMEOUT_MS): Promise<GraphRead> {
  const { value, live } = await readOneLoad(driver, readColumns, timeoutMs);
  return { key: live.key, stamp: live.stamp, ...value };
}

async function readColumns(tx: ManagedTransaction, live: LiveDataset) {
  const organisations: OrganisationSummary[] = [];
  for await (const record of tx.run(cypher("blast-radius/all-organisations"))) {
    organisations.push(record.toObject() as OrganisationSummary);
  }
  const builder = new CopyColumnsBuilder(organisations, live.contracts ?? 0);
  for await (const record of tx.run(cypher("blast-radius/all-contracts"))) {
    const get = (field: keyof CopiedContract) => record.get(field);
    const added = builder.add({
      id: get("id"),
      consignor: get("consignor"),
      contractor: get("contractor"),
      records: get("records"),
      subjects: get("subjects"),
      sinceStart: get("sinceStart"),
      deleteByEnd: get("deleteByEnd"),
      dataCategories: get("dataCategories"),
      carries: get("carries"),
      source: get("source"),
      service: get("service"),
      confidence: get("confidence"),
    });
    // A contract between organisations this read did not see: a swap was half visible.
    if (!added) throw new DatasetChanged();
  }
  const exposures = await rowsOf<CopiedExposure>(tx, "blast-radius/all-reported");
  const incidents = await rowsOf<Incident>(tx, "blast-radius/all-incidents");
  const columns = builder.finish();
  const sizes = [organisations.length, columns.contractIds.length, exposures.length];
  const recorded = [live.organisations, live.contracts, live.exposures];
  const distinct = columns.orgIndex.size === organisations.length;
  if (!distinct || (live.organisations !== null && sizes.some((size, i) => size !== recorded[i]))) {
    throw new DatasetChanged();
  }
  return { columns, exposures, incidents };
}

/**
 * The live graph read into an in-memory copy on this thread (the command line's ranking, tests,
 * the bench's baselines); the API builds its copy in a worker thread instead (copyBuild.ts).
 */
export async function readGraphCopy(
  driver: Driver,
): Promise<{ key: string; stamp: DatasetStamp; copy: InMemoryCopy }> {
  const read = await readGraph(driver);
  return { key: read.key, stamp: read.stamp, copy: new InMemoryCopy(copyDataOf(read, false)) };
}

/** A read's copy data; `rank`: rank every vendor now (a worker does, off the event loop). */
export function copyDataOf(read: GraphRead, rank: boolean): CopyData<ListedContracts> {
  return deriveCopy(read.columns, read, rank);
}
