import { type ContractFacts, isPossible, type OrganisationSummary } from "../domain/index.ts";
import type { Counts } from "./contractReach.ts";
import { copyProgress } from "./copyProgress.ts";
import { dayNumber, Interned, LAST_DAY, NO_DAY } from "./inMemoryArrays.ts";

/** Contracts read between two progress reports. */
const REPORT_EVERY = 250_000;

/** A contract as the copy reads it (cypher/blast-radius/all-contracts.cypher). */
export interface CopiedContract extends ContractFacts {
  dataCategories?: string[] | null;
  source?: string | null;
  service?: string | null;
}

/** Numbers into a small interned table, by contract: 8 or 16 bits when the table is that small. */
export type IndexColumn = Uint8Array | Uint16Array | Int32Array;

/** The narrowest column that holds indexes below `size` (4 bytes a contract → 1 at 1M). */
function narrowed(column: IndexColumn, size: number): IndexColumn {
  if (size <= 256) return Uint8Array.from(column);
  if (size <= 65_536) return Uint16Array.from(column);
  return column;
}

/** 32-bit floats when they hold every count exactly (NaN included), else the 64-bit column. */
function narrowedCounts(column: Float64Array): Counts {
  for (const value of column)
    if (!Number.isNaN(value) && !(Number.isInteger(value) && Math.abs(value) <= 2 ** 24)) return column;
  return Float32Array.from(column);
}

/** The live graph's contracts, one typed column per field: what an in-memory copy is made of. */
export interface CopyColumns {
  organisations: OrganisationSummary[];
  orgIndex: Map<string, number>;
  contractIds: string[];
  from: Int32Array;
  to: Int32Array;
  /** Known counts; NaN when undisclosed. */
  records: Counts;
  subjects: Counts;
  /** 1 where the contract is marked possible. */
  possible: Uint8Array;
  /** Days as YYYYMMDD numbers; an absent bound is a day no as-of day can fail against. */
  since: Int32Array;
  deleteBy: Int32Array;
  categoryOf: IndexColumn;
  sourceOf: IndexColumn;
  serviceOf: IndexColumn;
  categories: Interned<string[]>;
  sources: Interned<string | null>;
  services: Interned<string | null>;
  /** The `carries` of the scoped sub-contracts, by contract number. */
  carries: Map<number, string[]>;
}

/**
 * Fills the columns one contract at a time, as they stream from Neo4j: no million objects are
 * held at once. Columns grow by doubling from the expected count and are cut to size at the end.
 */
export class CopyColumnsBuilder {
  private count = 0;
  private readonly columns: CopyColumns;

  constructor(
    organisations: OrganisationSummary[],
    private readonly expected: number,
  ) {
    copyProgress("read organisations", organisations.length, organisations.length);
    const capacity = Math.max(16, expected);
    this.columns = {
      organisations,
      orgIndex: new Map(organisations.map((o, i) => [o.id, i])),
      contractIds: [],
      from: new Int32Array(capacity),
      to: new Int32Array(capacity),
      records: new Float64Array(capacity),
      subjects: new Float64Array(capacity),
      possible: new Uint8Array(capacity),
      since: new Int32Array(capacity),
      deleteBy: new Int32Array(capacity),
      categoryOf: new Int32Array(capacity),
      sourceOf: new Int32Array(capacity),
      serviceOf: new Int32Array(capacity),
      categories: new Interned<string[]>(),
      sources: new Interned<string | null>(),
      services: new Interned<string | null>(),
      carries: new Map(),
    };
  }

  /** Adds a contract; false (and nothing added) when an end is not among the organisations. */
  add(contract: CopiedContract): boolean {
    const c = this.columns;
    const from = c.orgIndex.get(contract.consignor);
    const to = c.orgIndex.get(contract.contractor);
    if (from === undefined || to === undefined) return false;
    if (this.count === c.from.length) this.grow(c.from.length * 2);
    const e = this.count++;
    if (this.count % REPORT_EVERY === 0) copyProgress("reading contracts", this.count, this.expected || null);
    c.contractIds.push(contract.id);
    c.from[e] = from;
    c.to[e] = to;
    c.records[e] = contract.records ?? Number.NaN;
    c.subjects[e] = contract.subjects ?? Number.NaN;
    c.possible[e] = isPossible(contract) ? 1 : 0;
    c.since[e] = dayNumber(contract.sinceStart, NO_DAY);
    c.deleteBy[e] = dayNumber(contract.deleteByEnd, LAST_DAY);
    const list = contract.dataCategories ?? [];
    c.categoryOf[e] = c.categories.add(list.join(";"), list);
    c.sourceOf[e] = c.sources.add(contract.source ?? "", contract.source ?? null);
    c.serviceOf[e] = c.services.add(contract.service ?? "", contract.service ?? null);
    if (contract.carries && contract.carries.length > 0) c.carries.set(e, contract.carries);
    return true;
  }

  /**
   * The columns cut to size and narrowed: counts to 32-bit floats and interned indexes to 8 or 16
   * bits where that loses nothing (61 → 43 bytes of typed columns a contract, with the copy's
   * indexes).
   */
  finish(): CopyColumns {
    copyProgress("read contracts", this.count, this.count);
    this.grow(this.count);
    const c = this.columns;
    c.records = narrowedCounts(c.records as Float64Array);
    c.subjects = narrowedCounts(c.subjects as Float64Array);
    c.categoryOf = narrowed(c.categoryOf, c.categories.values.length);
    c.sourceOf = narrowed(c.sourceOf, c.sources.values.length);
    c.serviceOf = narrowed(c.serviceOf, c.services.values.length);
    return c;
  }

  private grow(size: number): void {
    const c = this.columns;
    const resize = <T extends Int32Array | Float64Array | Float32Array | Uint16Array | Uint8Array>(
      array: T,
    ): T => {
      const next = new (array.constructor as new (n: number) => T)(size);
      next.set(array.subarray(0, Math.min(this.count, size)));
      return next;
    };
    c.from = resize(c.from);
    c.to = resize(c.to);
    c.records = resize(c.records);
    c.subjects = resize(c.subjects);
    c.possible = resize(c.possible);
    c.since = resize(c.since);
    c.deleteBy = resize(c.deleteBy);
    c.categoryOf = resize(c.categoryOf);
    c.sourceOf = resize(c.sourceOf);
    c.serviceOf = resize(c.serviceOf);
  }
}

/** The columns of contracts already in memory (tests, small graphs). */
export function columnsOf(organisations: OrganisationSummary[], contracts: CopiedContract[]): CopyColumns {
  const builder = new CopyColumnsBuilder(organisations, contracts.length);
  for (const contract of contracts) builder.add(contract);
  return builder.finish();
}
