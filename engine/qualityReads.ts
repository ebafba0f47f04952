import type { Driver, ManagedTransaction } from "neo4j-driver";
import {
  assessQuality,
  byCodeUnits,
  type CarriesGraph,
  type FutureDateRow,
  type OrganisationName,
  PRESENCE,
  type QualityColumns,
  type QualityReport,
  type UndisclosedRanking,
} from "../domain/index.ts";
import { cypher } from "../neo4j/queries.ts";
import { rowsOf } from "../neo4j/read.ts";
import { adjacency } from "./inMemoryArrays.ts";
import { DatasetChanged, type LiveDataset, readOneLoad } from "./oneLoad.ts";

/** What the quality report is asked: the day dates are judged at, and how many rows a list holds (null: all). */
export interface QualityRequest {
  today: string;
  limit: number | null;
}

/** One load as the report reads it, and its undisclosed ranking (both depend on the load alone). */
interface ReadLoad {
  key: string;
  columns: QualityColumns;
  ranking: UndisclosedRanking;
}

/**
 * What the data lacks (docs/data-quality.md). The organisations, every contract (streamed into
 * typed columns: its ends, `carries`, dates as written, which fields it has) and the incidents'
 * and exposures' dates are read from one load (oneLoad.ts); the report is worked out from them
 * (domain/quality.ts) for any day and limit. A load is read once: the last one is kept (about
 * 100 bytes a contract) until another load is live.
 */
export class QualityReads {
  private load: ReadLoad | undefined;
  private reading: Promise<{ value: ReadLoad; live: LiveDataset }> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly timeoutMs: number,
  ) {}

  async report(request: QualityRequest): Promise<QualityReport> {
    const { value, live } = await this.live();
    return assessQuality(value.columns, value.ranking, { dataset: live.stamp, ...request });
  }

  /** The live load: the one kept when it is still live, else read now; requests meanwhile share one read. */
  private live() {
    this.reading ??= readOneLoad(
      this.driver,
      async (tx, live) => (this.load?.key === live.key ? this.load : readLoad(tx, live)),
      this.timeoutMs,
    )
      .then((read) => {
        this.load = read.value;
        return read;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

/** Reads a load's columns and ranks its undisclosed contracts. */
async function readLoad(tx: ManagedTransaction, live: LiveDataset): Promise<ReadLoad> {
  const organisations = await rowsOf<OrganisationName>(tx, "quality/organisations");
  const orgIndex = new Map(organisations.map((o, i) => [o.id, i]));
  const contracts = new ContractColumns();
  for await (const record of tx.run(cypher("quality/contracts"))) {
    const from = orgIndex.get(record.get("consignor") as string);
    const to = orgIndex.get(record.get("contractor") as string);
    // A contract between organisations this read did not see: a swap was half visible.
    if (from === undefined || to === undefined) throw new DatasetChanged();
    contracts.add(record.get("id"), from, to, record.get("present"), record.get("carries"), [
      record.get("since"),
      record.get("until"),
      record.get("deleteBy"),
    ]);
  }
  const [events] = await rowsOf<{ incidents: number; exposures: number; dates: FutureDateRow[] }>(
    tx,
    "quality/events",
  );
  const columns: QualityColumns = {
    organisations,
    ...contracts.finish(organisations.length),
    incidents: events?.incidents ?? 0,
    exposures: events?.exposures ?? 0,
    eventDates: events?.dates ?? [],
  };
  return { key: live.key, columns, ranking: rankUndisclosed(columns) };
}

/** Contracts as they stream in: typed columns grown by doubling, dates interned (few distinct texts). */
class ContractColumns {
  private count = 0;
  private readonly ids: string[] = [];
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private present = new Uint8Array(1024);
  private dateColumns = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  private readonly dateIndex = new Map<string, number>();
  private readonly scoped = new Map<number, string[]>();

  add(
    id: string,
    from: number,
    to: number,
    present: number,
    carries: string[] | null,
    dates: (string | null)[],
  ) {
    const e = this.count++;
    if (e === this.from.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.present = grow(this.present);
      this.dateColumns = this.dateColumns.map(grow);
    }
    this.ids.push(id);
    this.from[e] = from;
    this.to[e] = to;
    this.present[e] = present;
    if (carries && carries.length > 0) this.scoped.set(e, carries);
    dates.forEach((text, c) => {
      let i = text === null ? -1 : this.dateIndex.get(text);
      if (i === undefined) {
        i = this.dateIndex.size;
        this.dateIndex.set(text as string, i);
      }
      (this.dateColumns[c] as Int32Array)[e] = i;
    });
  }

  /** The columns cut to size, `carries` as contract numbers (only the ids some list names are looked up). */
  finish(organisations: number) {
    const m = this.count;
    const listed = new Map<string, number>();
    for (const list of this.scoped.values()) for (const id of list) listed.set(id, -1);
    this.ids.forEach((id, e) => {
      if (listed.has(id)) listed.set(id, e);
    });
    const carriesStart = new Int32Array(m + 1);
    const carriesList: number[] = [];
    for (let e = 0; e < m; e++) {
      for (const id of this.scoped.get(e) ?? []) carriesList.push(listed.get(id) ?? -1);
      carriesStart[e + 1] = carriesList.length;
    }
    const graph: CarriesGraph = {
      organisations,
      from: this.from.slice(0, m),
      to: this.to.slice(0, m),
      carriesStart,
      carriesList: Int32Array.from(carriesList),
    };
    const [since, until, deleteBy] = this.dateColumns.map((c) => c.slice(0, m)) as [
      Int32Array,
      Int32Array,
      Int32Array,
    ];
    return {
      contractIds: this.ids,
      graph,
      present: this.present.slice(0, m),
      since,
      until,
      deleteBy,
      dates: [...this.dateIndex.keys()],
    };
  }
}

/**
 * How many steps the ranking may take in all (a step: a contract taken, or one of the contracts
 * into an organisation looked at); past it, the counts still to do are lower bounds. The generated
 * 1M-contract graph takes 8 to 9 million (docs/data-quality.md).
 */
export const REACH_WORK_LIMIT = 200_000_000;

/**
 * The undisclosed contracts ranked (docs/data-quality.md#undisclosed-counts-ranked): for each
 * contract k with no records, reach(k) = how many contracts j have a chain j = k₁, k₂, …, kₙ = k in which
 * each contract carries the one before (docs/blast-radius.md#2-reach-and-depth, every contract
 * active, any end), k itself included; most reach first, then id. A search upwards from k: an
 * unscoped contract out of a carries every contract into a, a scoped one those it lists; each
 * contract is counted once, cycles included. Unscoped contracts out of the same consignor share
 * one search. Once `workLimit` steps are spent, each search still to do stops at once and counts
 * what it has found (the contracts into the consignor, or the scoped contract itself): a lower
 * bound, marked in `atLeast`.
 */
export function rankUndisclosed(
  columns: Pick<QualityColumns, "contractIds" | "graph" | "present">,
  workLimit = REACH_WORK_LIMIT,
): UndisclosedRanking {
  const { organisations: n, from, to, carriesStart, carriesList } = columns.graph;
  const m = from.length;
  // The contracts into each organisation: inEdges[inStart[o] .. inStart[o + 1]).
  const [inStart, inEdges] = adjacency(n, to);
  const scoped = (e: number) => (carriesStart[e + 1] as number) > (carriesStart[e] as number);
  const seen = new Int32Array(m);
  const expanded = new Int32Array(n);
  const queue = new Int32Array(m);
  let stamp = 0;
  let work = 0;
  let tail = 0;
  const push = (e: number) => {
    if (e >= 0 && seen[e] !== stamp) {
      seen[e] = stamp;
      queue[tail++] = e;
    }
  };
  const expand = (o: number) => {
    if (expanded[o] === stamp) return;
    expanded[o] = stamp;
    for (let i = inStart[o] as number; i < (inStart[o + 1] as number); i++) push(inEdges[i] as number);
    work += (inStart[o + 1] as number) - (inStart[o] as number);
  };
  /** One search: everything whose chains pass into `org` (≥ 0) or through scoped `contract`. */
  const search = (org: number, contract: number): boolean => {
    stamp += 1;
    tail = 0;
    if (org >= 0) expand(org);
    else push(contract);
    for (let head = 0; head < tail; head++) {
      if (work > workLimit) return false;
      const x = queue[head] as number;
      work += 1;
      if (!scoped(x)) expand(from[x] as number);
      else
        for (let i = carriesStart[x] as number; i < (carriesStart[x + 1] as number); i++)
          push(carriesList[i] as number);
    }
    return true;
  };

  const undisclosed: number[] = [];
  for (let e = 0; e < m; e++) if (!((columns.present[e] as number) & PRESENCE.records)) undisclosed.push(e);
  const targets = Int32Array.from(undisclosed);
  // Scoped targets search alone; unscoped ones by consignor, those with most contracts in first.
  const key = (k: number) => (scoped(k) ? -1 - k : (from[k] as number));
  const fanIn = (k: number) =>
    scoped(k)
      ? (carriesStart[k + 1] as number) - (carriesStart[k] as number)
      : (inStart[(from[k] as number) + 1] as number) - (inStart[from[k] as number] as number);
  const order = Array.from(targets).sort((a, b) => fanIn(b) - fanIn(a) || key(a) - key(b));
  const reach = new Int32Array(m);
  const atLeast = new Uint8Array(m);
  for (let i = 0; i < order.length; ) {
    const k = order[i] as number;
    const complete = scoped(k) ? search(-1, k) : search(from[k] as number, -1);
    for (; i < order.length && key(order[i] as number) === key(k); i++) {
      const t = order[i] as number;
      // An unscoped target counts itself unless a cycle brought the search back to it.
      reach[t] = tail + (seen[t] === stamp ? 0 : 1);
      atLeast[t] = complete ? 0 : 1;
    }
  }
  const ids = columns.contractIds;
  const ranked = targets.sort(
    (a, b) => (reach[b] as number) - (reach[a] as number) || byCodeUnits(ids[a] as string, ids[b] as string),
  );
  return {
    contracts: ranked,
    reach: ranked.map((e) => reach[e] as number),
    atLeast: Uint8Array.from(ranked, (e) => atLeast[e] as number),
  };
}
