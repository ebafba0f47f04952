import type { DatasetStamp, Incident, OrganisationSummary } from "../domain/index.ts";
import type { Counts, ListedContracts } from "./contractReach.ts";
import type { IndexColumn } from "./copyColumns.ts";
import type { CopiedExposure, CopyData, RankOrder } from "./copyData.ts";
import { IdIndex } from "./copyData.ts";
import { PackedIds } from "./copyIds.ts";
import { type PackedPeers, packPeers, unpackPeers } from "./estimatePeers.ts";

/**
 * A copy crossing from the worker that built it to the event loop. Structured cloning a million
 * contract ids and a hundred thousand organisation objects blocked the receiving event loop for
 * ~180 ms, so every column crosses as a typed array whose buffer is transferred (moved, not
 * copied), strings included: packed into one UTF-8 buffer each, unpacked on the event loop in
 * slices between which other requests run.
 */

/** Strings in one buffer: string i is bytes[ends[i-1] .. ends[i]), or null where absent[i] is 1. */
export interface PackedStrings {
  bytes: Uint8Array;
  ends: Int32Array;
  absent: Uint8Array;
}

type OrganisationColumn = keyof OrganisationSummary;
const ORGANISATION_COLUMNS: OrganisationColumn[] = ["id", "name", "nameEn", "kind", "region"];

/** What the worker posts: the copy's columns, all typed arrays but the few small interned tables. */
export interface CopyMessage {
  key: string;
  stamp: DatasetStamp;
  threadId: number;
  organisations: Record<OrganisationColumn, PackedStrings>;
  orgOrder: Int32Array;
  contractIds: PackedStrings;
  contractOrder: Int32Array;
  arrays: Record<TypedColumn, Int32Array | Float64Array | Float32Array | Uint16Array | Uint8Array>;
  categories: string[][];
  sources: (string | null)[];
  services: (string | null)[];
  exposures: CopiedExposure[];
  incidents: Incident[];
  ranks: RankOrder;
  peers: PackedPeers | null;
}

const TYPED_COLUMNS = [
  "from",
  "to",
  "records",
  "subjects",
  "possible",
  "outStart",
  "outEdges",
  "carriesStart",
  "carriesList",
  "inStart",
  "inEdges",
  "since",
  "deleteBy",
  "categoryOf",
  "sourceOf",
  "serviceOf",
] as const;
type TypedColumn = (typeof TYPED_COLUMNS)[number];

export function packStrings(values: readonly (string | null)[]): PackedStrings {
  const ends = new Int32Array(values.length);
  const absent = new Uint8Array(values.length);
  let total = 0;
  values.forEach((value, i) => {
    if (value === null || value === undefined) absent[i] = 1;
    else total += Buffer.byteLength(value, "utf8");
    ends[i] = total;
  });
  const bytes = new Uint8Array(total);
  const writer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  values.forEach((value, i) => {
    if (value !== null && value !== undefined)
      writer.write(value, i === 0 ? 0 : (ends[i - 1] as number), "utf8");
  });
  return { bytes, ends, absent };
}

/** How many strings are unpacked between two turns of the event loop (a few milliseconds' work). */
const SLICE = 16_384;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The strings again. `shared`: a column of few distinct values (kinds, regions), each decoded once
 * and the one string shared: a million organisations held a million copies of "company".
 */
export async function unpackStrings(packed: PackedStrings, shared = false): Promise<(string | null)[]> {
  const { bytes, ends, absent } = packed;
  const reader = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: (string | null)[] = new Array(ends.length);
  const seen = new Map<string, string>();
  for (let i = 0; i < ends.length; i++) {
    if (i > 0 && i % SLICE === 0) await nextTurn();
    if (absent[i] === 1) {
      values[i] = null;
      continue;
    }
    const value = reader.toString("utf8", i === 0 ? 0 : (ends[i - 1] as number), ends[i]);
    if (!shared) values[i] = value;
    else {
      const known = seen.get(value);
      if (known === undefined) seen.set(value, value);
      values[i] = known ?? value;
    }
  }
  return values;
}

/** The organisation columns with few distinct values. */
const SHARED_COLUMNS: ReadonlySet<OrganisationColumn> = new Set(["kind", "region"]);

/** The worker's side: the message and the buffers it moves. */
export function packCopy(
  key: string,
  stamp: DatasetStamp,
  threadId: number,
  data: CopyData<ListedContracts>,
): { message: CopyMessage; transfer: ArrayBuffer[] } {
  const { table } = data;
  const arrays = {
    from: table.from,
    to: table.to,
    records: table.records,
    subjects: table.subjects,
    possible: table.possible,
    outStart: table.outStart,
    outEdges: table.outEdges,
    carriesStart: table.carriesStart,
    carriesList: table.carriesList,
    inStart: data.inStart,
    inEdges: data.inEdges,
    since: data.since,
    deleteBy: data.deleteBy,
    categoryOf: data.categoryOf,
    sourceOf: data.sourceOf,
    serviceOf: data.serviceOf,
  };
  const organisations = Object.fromEntries(
    ORGANISATION_COLUMNS.map((column) => [column, packStrings(data.organisations.map((o) => o[column]))]),
  ) as Record<OrganisationColumn, PackedStrings>;
  const message: CopyMessage = {
    key,
    stamp,
    threadId,
    organisations,
    orgOrder: data.orgIndex.order,
    contractIds: packStrings(table.contractIds),
    contractOrder: data.contractIndex.order,
    arrays,
    categories: data.categories,
    sources: data.sources,
    services: data.services,
    exposures: data.exposures,
    incidents: data.incidents,
    ranks: data.ranks ?? emptyRanks(),
    peers: data.peers ? packPeers(data.peers) : null,
  };
  const views = [
    ...Object.values(arrays),
    ...Object.values(organisations).flatMap(packedViews),
    ...packedViews(message.contractIds),
    message.orgOrder,
    message.contractOrder,
    ...Object.values(message.ranks),
    ...(message.peers
      ? [message.peers.records, message.peers.subjects].flatMap((p) => [p.start, p.values, p.contracts])
      : []),
  ];
  // A buffer listed twice cannot be transferred; views of one buffer move together.
  return { message, transfer: [...new Set(views.map((view) => view.buffer as ArrayBuffer))] };
}

const packedViews = (packed: PackedStrings) => [packed.bytes, packed.ends, packed.absent];

const emptyRanks = (): RankOrder => ({
  vendors: new Int32Array(0),
  records: new Float64Array(0),
  organisations: new Int32Array(0),
  undisclosedContracts: new Int32Array(0),
});

/** Each position's place in a sorted order (the order's inverse): 4 bytes a contract. */
function placesOf(order: Int32Array): Int32Array {
  const place = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) place[order[i] as number] = i;
  return place;
}

/** The event loop's side: the copy data again, its strings unpacked a slice at a time. */
export async function unpackCopy(message: CopyMessage): Promise<CopyData> {
  const columns: Partial<Record<OrganisationColumn, (string | null)[]>> = {};
  for (const column of ORGANISATION_COLUMNS)
    columns[column] = await unpackStrings(message.organisations[column], SHARED_COLUMNS.has(column));
  const ids = columns.id as string[];
  const organisations: OrganisationSummary[] = new Array(ids.length);
  for (let v = 0; v < ids.length; v++) {
    if (v > 0 && v % SLICE === 0) await nextTurn();
    organisations[v] = {
      id: ids[v] as string,
      name: columns.name?.[v] as string,
      nameEn: columns.nameEn?.[v] ?? null,
      kind: columns.kind?.[v] ?? null,
      region: columns.region?.[v] ?? null,
    };
  }
  // The contract ids stay packed: read one at a time (copyIds.ts), never unpacked all at once.
  const contractIds = new PackedIds(message.contractIds.bytes, message.contractIds.ends);
  type Narrowed = "records" | "subjects" | "possible" | "categoryOf" | "sourceOf" | "serviceOf";
  const a = message.arrays as Record<Exclude<TypedColumn, Narrowed>, Int32Array> &
    Record<"records" | "subjects", Counts> &
    Record<"categoryOf" | "sourceOf" | "serviceOf", IndexColumn> &
    Record<"possible", Uint8Array>;
  return {
    organisations,
    orgIndex: new IdIndex(ids, message.orgOrder),
    contractIndex: new IdIndex(contractIds, message.contractOrder),
    table: {
      orgIds: ids,
      contractIdAt: (e) => contractIds.at(e) as string,
      contractIdPlace: placesOf(message.contractOrder),
      from: a.from,
      to: a.to,
      records: a.records,
      subjects: a.subjects,
      possible: a.possible,
      outStart: a.outStart,
      outEdges: a.outEdges,
      carriesStart: a.carriesStart,
      carriesList: a.carriesList,
    },
    inStart: a.inStart,
    inEdges: a.inEdges,
    since: a.since,
    deleteBy: a.deleteBy,
    categoryOf: a.categoryOf,
    sourceOf: a.sourceOf,
    serviceOf: a.serviceOf,
    categories: message.categories,
    sources: message.sources,
    services: message.services,
    exposures: message.exposures,
    incidents: message.incidents,
    ranks: message.ranks,
    ...(message.peers ? { peers: unpackPeers(message.peers) } : {}),
  };
}
