import {
  byCodeUnits,
  compareRanks,
  type Incident,
  type OrganisationSummary,
  type ReportedExposure,
} from "../domain/index.ts";
import type { ContractTable, ListedContracts } from "./contractReach.ts";
import type { CopyColumns, IndexColumn } from "./copyColumns.ts";
import { type IdList, PackedIds } from "./copyIds.ts";
import { copyProgress } from "./copyProgress.ts";
import { type PeerIndex, peerIndex } from "./estimatePeers.ts";
import { adjacency, carriesLists } from "./inMemoryArrays.ts";
import { rankAll } from "./rankAll.ts";

/**
 * Ids looked up by binary search over their sorted order: a Map of a million contract ids took
 * half a second to build on the event loop; this order is sorted where the copy is built (a
 * worker thread) and crosses to the event loop as one typed array.
 */
export class IdIndex {
  constructor(
    readonly ids: IdList,
    /** Positions into `ids`, in ascending order of id. */
    readonly order: Int32Array,
  ) {}

  static of(ids: readonly string[]): IdIndex {
    const order = Int32Array.from(ids, (_, i) => i);
    order.sort((a, b) => byCodeUnits(ids[a] as string, ids[b] as string));
    return new IdIndex(ids, order);
  }

  /** The position of `id`, or undefined when it is not held. */
  get(id: string): number | undefined {
    const packed = this.ids instanceof PackedIds ? this.ids : null;
    const target = packed ? Buffer.from(id, "utf8") : null;
    let low = 0;
    let high = this.order.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const position = this.order[middle] as number;
      const order =
        packed?.compareAt(position, target as Buffer) ?? byCodeUnits(this.ids.at(position) as string, id);
      if (order === 0) return position;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/** An exposure reported about an incident, with the organisation the incident hit. */
export interface CopiedExposure extends ReportedExposure {
  victim: string;
  /** The day the organisation recorded it learned of the incident (exposures.csv `learned_on`). */
  learnedOn?: string | null;
}

/** The vendor ranking, ranked: vendor numbers best first, with their figures in the same order. */
export interface RankOrder {
  vendors: Int32Array;
  records: Float64Array;
  organisations: Int32Array;
  undisclosedContracts: Int32Array;
}

/**
 * Everything an in-memory copy answers from, derived once from the columns read from Neo4j:
 * the arithmetic's table (contractReach.ts), contracts by contractor, id lookups, the dates and
 * details of each contract, the reported exposures and (when derived in a worker) the ranking.
 */
/** `Table`: where the copy is derived (a worker) its ids are strings; on the API's thread, packed. */
export interface CopyData<Table extends ContractTable = ContractTable> {
  organisations: OrganisationSummary[];
  orgIndex: IdIndex;
  contractIndex: IdIndex;
  table: Table;
  /** Contracts by contractor: in(v) = inEdges[inStart[v] .. inStart[v+1]). */
  inStart: Int32Array;
  inEdges: Int32Array;
  since: Int32Array;
  deleteBy: Int32Array;
  categoryOf: IndexColumn;
  sourceOf: IndexColumn;
  serviceOf: IndexColumn;
  categories: string[][];
  sources: (string | null)[];
  services: (string | null)[];
  exposures: CopiedExposure[];
  /** Every incident, with the organisation it hit: breach response reads them from the copy. */
  incidents: Incident[];
  ranks?: RankOrder;
  /** The estimate's peers by consignor kind, sorted (built where the copy is, when it ranks). */
  peers?: PeerIndex;
}

/**
 * The copy's derived arrays from its columns. `rank`: rank every vendor now (a worker does, off
 * the event loop); otherwise the first ranking request does.
 */
export function deriveCopy(
  columns: CopyColumns,
  reported: { exposures: CopiedExposure[]; incidents: Incident[] },
  rank: boolean,
): CopyData<ListedContracts> {
  const { organisations, contractIds, from, to, records, subjects } = columns;
  const n = organisations.length;
  const orgIds = organisations.map((o) => o.id);
  copyProgress("sorting contract ids", contractIds.length);
  const contractIndex = IdIndex.of(contractIds);
  copyProgress("indexing contracts by organisation");
  const [outStart, outEdges] = adjacency(n, from);
  const [inStart, inEdges] = adjacency(n, to);
  const [carriesStart, carriesList] = carriesLists(contractIds.length, columns.carries, (id) =>
    contractIndex.get(id),
  );
  const data: CopyData<ListedContracts> = {
    organisations,
    orgIndex: IdIndex.of(orgIds),
    contractIndex,
    table: {
      orgIds,
      contractIds,
      contractIdAt: (e) => contractIds[e] as string,
      from,
      to,
      records,
      subjects,
      possible: columns.possible,
      outStart,
      outEdges,
      carriesStart,
      carriesList,
    },
    inStart,
    inEdges,
    since: columns.since,
    deleteBy: columns.deleteBy,
    categoryOf: columns.categoryOf,
    sourceOf: columns.sourceOf,
    serviceOf: columns.serviceOf,
    categories: columns.categories.values,
    sources: columns.sources.values,
    services: columns.services.values,
    exposures: reported.exposures,
    incidents: reported.incidents,
  };
  if (rank) {
    copyProgress("ranking vendors");
    data.ranks = rankOrder(data);
    copyProgress("ranked vendors", data.ranks.vendors.length, data.ranks.vendors.length);
    data.peers = peerIndex(data.table, (v) => organisations[v]?.kind ?? null);
    copyProgress("sorted the estimate's peers");
  }
  return data;
}

/**
 * Every organisation with a contract pointing at it, ranked by what its compromise alone would
 * expose (rankAll.ts: all at once), best first. `confirmedOnly`: on the confirmed contracts alone
 * (every possible one left out, and with it a vendor only possible contracts point at).
 */
export function rankOrder(data: CopyData, confirmedOnly = false): RankOrder {
  const { organisations, table } = data;
  const input = confirmedOnly
    ? confirmedContracts(table, organisations.length)
    : { ...table, n: organisations.length };
  // The confirmed contracts' own in-index; the whole table's is the copy's.
  const inStart = confirmedOnly ? adjacency(organisations.length, input.to)[0] : data.inStart;
  const vendorNodes: number[] = [];
  for (let v = 0; v < organisations.length; v++) {
    if ((inStart[v + 1] as number) > (inStart[v] as number)) vendorNodes.push(v);
  }
  const figures = rankAll({ ...input, vendors: Int32Array.from(vendorNodes) });
  const ranked = vendorNodes.map((v, i) => ({
    i,
    id: table.orgIds[v] as string,
    name: "",
    nameEn: null,
    kind: null,
    records: figures.records[i] as number,
    organisations: figures.organisations[i] as number,
    undisclosedContracts: figures.undisclosedContracts[i] as number,
  }));
  ranked.sort(compareRanks);
  return {
    vendors: Int32Array.from(ranked, (r) => vendorNodes[r.i] as number),
    records: Float64Array.from(ranked, (r) => r.records),
    organisations: Int32Array.from(ranked, (r) => r.organisations),
    undisclosedContracts: Int32Array.from(ranked, (r) => r.undisclosedContracts),
  };
}

/**
 * The table's confirmed contracts renumbered, for the ranking: a `carries` entry naming a
 * possible contract becomes -1 (a list whose contracts are all left out passes nothing on).
 */
function confirmedContracts(table: ContractTable, n: number) {
  const m = table.from.length;
  const renumbered = new Int32Array(m).fill(-1);
  let kept = 0;
  for (let e = 0; e < m; e++) if (table.possible[e] === 0) renumbered[e] = kept++;
  const from = new Int32Array(kept);
  const to = new Int32Array(kept);
  const records = new Float64Array(kept);
  const carriesStart = new Int32Array(kept + 1);
  const lists: number[] = [];
  for (let e = 0; e < m; e++) {
    const k = renumbered[e] as number;
    if (k === -1) continue;
    from[k] = table.from[e] as number;
    to[k] = table.to[e] as number;
    records[k] = table.records[e] as number;
    for (let i = table.carriesStart[e] as number; i < (table.carriesStart[e + 1] as number); i++) {
      const listed = table.carriesList[i] as number;
      lists.push(listed >= 0 ? (renumbered[listed] as number) : -1);
    }
    carriesStart[k + 1] = lists.length;
  }
  return { n, from, to, records, carriesStart, carriesList: Int32Array.from(lists) };
}
