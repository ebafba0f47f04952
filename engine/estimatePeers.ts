import type { EstimateContract, PeerCounts } from "../domain/index.ts";
import type { ContractTable, Counts, Reach } from "./contractReach.ts";

/**
 * The estimate of the undisclosed (domain/estimate.ts) from a search: the counted contracts'
 * kinds and counts, and the peers — the known counts > 0 of the scenario's active contracts by
 * consignor kind. The in-memory copy keeps every contract's counts by kind in ascending order
 * once per load (PeerIndex) and filters them to a scenario's active contracts, so that no answer
 * sorts a million counts.
 */

type KindPools = Map<string | null, { values: Float64Array; contracts: Int32Array }>;

/** Each kind's known counts > 0, ascending, with the contract each belongs to. */
export interface PeerIndex {
  records: KindPools;
  subjects: KindPools;
}

function kindPools(counts: Counts, from: Int32Array, kindOf: (org: number) => string | null): KindPools {
  const byKind = new Map<string | null, number[]>();
  for (let e = 0; e < counts.length; e++) {
    const value = counts[e] as number;
    if (!(value > 0)) continue;
    const kind = kindOf(from[e] as number);
    const list = byKind.get(kind);
    if (list) list.push(e);
    else byKind.set(kind, [e]);
  }
  const pools: KindPools = new Map();
  for (const [kind, list] of byKind) {
    const contracts = sortedByCount(Int32Array.from(list), counts);
    pools.set(kind, { values: Float64Array.from(contracts, (e) => counts[e] as number), contracts });
  }
  return pools;
}

/**
 * Contract numbers in ascending order of their counts. A comparator sort of a million took ~5 s
 * on a busy 2-core machine; whole counts and contract numbers packed into one float each
 * (count · 2^bits + number, exact below 2^53) sort natively in ~0.1 s.
 */
function sortedByCount(contracts: Int32Array, counts: Counts): Int32Array {
  const bits = Math.max(1, Math.ceil(Math.log2(counts.length + 1)));
  const scale = 2 ** bits;
  let packable = true;
  for (const e of contracts) {
    const value = counts[e] as number;
    if (!Number.isInteger(value) || value * scale >= Number.MAX_SAFE_INTEGER) {
      packable = false;
      break;
    }
  }
  if (!packable) return contracts.sort((a, b) => (counts[a] as number) - (counts[b] as number));
  const keys = Float64Array.from(contracts, (e) => (counts[e] as number) * scale + e);
  keys.sort();
  return Int32Array.from(keys, (key) => key % scale);
}

export function peerIndex(table: ContractTable, kindOf: (org: number) => string | null): PeerIndex {
  return {
    records: kindPools(table.records, table.from, kindOf),
    subjects: kindPools(table.subjects, table.from, kindOf),
  };
}

/** The peers of a scenario whose active contracts are `active` (null: every contract is). */
export function peersOf(
  index: PeerIndex,
  active: Uint8Array | null,
): { records: PeerCounts; subjects: PeerCounts } {
  const filter = (pools: KindPools): PeerCounts => {
    const out = new Map<string | null, Float64Array>();
    for (const [kind, { values, contracts }] of pools) {
      if (active === null) {
        out.set(kind, values);
        continue;
      }
      const kept = new Float64Array(values.length);
      let at = 0;
      for (let i = 0; i < values.length; i++)
        if (active[contracts[i] as number] === 1) kept[at++] = values[i] as number;
      if (at > 0) out.set(kind, kept.subarray(0, at));
    }
    return out;
  };
  return { records: filter(index.records), subjects: filter(index.subjects) };
}

/** The counted contracts of a search as the estimate sees them (a consignor in C is never counted). */
export function countedForEstimate(
  table: ContractTable,
  reach: Reach,
  isCompromised: (org: number) => boolean,
  kindOf: (org: number) => string | null,
): EstimateContract[] {
  const counted: EstimateContract[] = [];
  for (let q = 0; q < reach.count; q++) {
    const e = reach.queue[q] as number;
    const a = table.from[e] as number;
    if (isCompromised(a)) continue;
    const records = table.records[e] as number;
    const subjects = table.subjects[e] as number;
    // Only the undisclosed draw: the rest is already in the totals.
    if (!Number.isNaN(records) && !Number.isNaN(subjects)) continue;
    counted.push({
      kind: kindOf(a),
      records: Number.isNaN(records) ? null : records,
      subjects: Number.isNaN(subjects) ? null : subjects,
    });
  }
  return counted;
}

/** A peer index as flat arrays, to cross from the worker that builds the copy (copyTransfer.ts). */
export interface PackedPeers {
  kinds: (string | null)[];
  records: { start: Int32Array; values: Float64Array; contracts: Int32Array };
  subjects: { start: Int32Array; values: Float64Array; contracts: Int32Array };
}

function packPools(pools: KindPools, kinds: (string | null)[]) {
  const start = new Int32Array(kinds.length + 1);
  kinds.forEach((kind, i) => {
    start[i + 1] = (start[i] as number) + (pools.get(kind)?.values.length ?? 0);
  });
  const values = new Float64Array(start[kinds.length] as number);
  const contracts = new Int32Array(values.length);
  kinds.forEach((kind, i) => {
    const pool = pools.get(kind);
    if (!pool) return;
    values.set(pool.values, start[i] as number);
    contracts.set(pool.contracts, start[i] as number);
  });
  return { start, values, contracts };
}

function unpackPools(packed: PackedPeers["records"], kinds: (string | null)[]): KindPools {
  const pools: KindPools = new Map();
  kinds.forEach((kind, i) => {
    const from = packed.start[i] as number;
    const to = packed.start[i + 1] as number;
    if (to > from)
      pools.set(kind, {
        values: packed.values.subarray(from, to),
        contracts: packed.contracts.subarray(from, to),
      });
  });
  return pools;
}

export function packPeers(index: PeerIndex): PackedPeers {
  const kinds = [...new Set([...index.records.keys(), ...index.subjects.keys()])];
  return { kinds, records: packPools(index.records, kinds), subjects: packPools(index.subjects, kinds) };
}

export function unpackPeers(packed: PackedPeers): PeerIndex {
  return {
    records: unpackPools(packed.records, packed.kinds),
    subjects: unpackPools(packed.subjects, packed.kinds),
  };
}
