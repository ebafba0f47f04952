import neo4j, { type Driver } from "neo4j-driver";
import type { RegisterTableName } from "../domain/index.ts";
import { rowsOf } from "../neo4j/read.ts";
import { type LiveDataset, readOneLoad } from "./oneLoad.ts";

/** Rows a batch holds: small enough for a short transaction, large enough that round trips don't dominate. */
const BATCH = 10_000;

/** A row of a table as the graph stores it, keyed by the register's English columns. */
export type StoredRow = Record<string, unknown>;

/** The graph was loaded again while it was being exported: the rows would mix two loads. */
export class ExportChangedError extends Error {
  constructor() {
    super("The graph was loaded again while it was being exported; nothing was written. Export again.");
  }
}

/** The export read fewer or more rows than the load recorded: something wrote beside the loader. */
export class ExportIncompleteError extends Error {}

/**
 * What `npm run export` reads: every live row of each table, as stored, in batches (keyset paging
 * on each table's index, cypher/export/), each batch a read of one load (readOneLoad). Every
 * batch must be of the load the export began with, so the tables written are one load's, however
 * long a million contracts take; a load in between refuses the export (ExportChangedError).
 */
export class ExportReads {
  private began: LiveDataset | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly timeoutMs: number,
    private readonly batch = BATCH,
  ) {}

  /** The load to export (its stamp and recorded sizes); read first, every batch is checked against it. */
  async dataset(): Promise<LiveDataset> {
    const { live } = await readOneLoad(this.driver, async () => null, this.timeoutMs);
    this.began = live;
    return live;
  }

  /** Every live row of a table, in the order of its key; a batch of another load throws ExportChangedError. */
  async *rows(table: RegisterTableName): AsyncGenerator<StoredRow> {
    const began = this.began ?? (await this.dataset());
    let after = "";
    let count = 0;
    for (;;) {
      const { value: rows, live } = await readOneLoad(
        this.driver,
        (tx) =>
          rowsOf<StoredRow & { cursor: string }>(tx, `export/${table}`, {
            after,
            batch: neo4j.int(this.batch),
          }),
        this.timeoutMs,
      );
      if (live.key !== began.key) throw new ExportChangedError();
      for (const { cursor, ...row } of rows) {
        after = cursor;
        count += 1;
        yield row;
      }
      if (rows.length < this.batch) break;
    }
    const recorded = recordedCount(began, table);
    if (recorded !== null && recorded !== count)
      throw new ExportIncompleteError(
        `The graph holds ${count} ${table} where its load recorded ${recorded}; nothing was written. Load the dataset again (npm run ingest -- DIR --replace), then export.`,
      );
  }
}

/** The size the load recorded for a table (incidents are not recorded in LiveDataset). */
function recordedCount(live: LiveDataset, table: RegisterTableName): number | null {
  if (table === "organisations") return live.organisations;
  if (table === "contracts") return live.contracts;
  if (table === "exposures") return live.exposures;
  return null;
}
