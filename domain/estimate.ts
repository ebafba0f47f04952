import type { BlastRadiusTotals } from "./blastRadius.ts";
import { byCodeUnits } from "./ids.ts";

/**
 * The estimate of what the undisclosed counts probably hold (docs/blast-radius.md#estimate-of-the-undisclosed):
 * each counted contract whose count is undisclosed takes a value drawn from its peers, the known
 * counts of contracts whose consignor has the same kind, and the draws are added up by Monte
 * Carlo with a fixed seed. One implementation, pure and deterministic, so that every engine, the
 * API, the reports and the browser give the same estimate for the same scenario.
 */

/**
 * A counted contract as the estimate sees it. No id: contracts of one kind draw from the same
 * pool, so the estimate depends only on how many of each kind are undisclosed, never on their
 * order or ids.
 */
export interface EstimateContract {
  /** Its consignor's kind; null when unknown. */
  kind: string | null;
  /** null: undisclosed. */
  records: number | null;
  /** null: undisclosed (no count of persons). */
  subjects: number | null;
}

/**
 * Known counts by consignor kind (null: consignors of unknown kind). Only counts > 0 are peers:
 * others are dropped. Any order: the estimate sorts each pool it uses, which for ~1M counts
 * takes ~100–150 ms on the test machine. An engine answering big radii passes its pools ready
 * (peerPool, or any Float64Array of ascending counts > 0, e.g. kept per load in ascending order
 * and filtered to the scenario's active contracts): the estimate then neither copies nor sorts them.
 */
export type PeerCounts = ReadonlyMap<string | null, ArrayLike<number>>;

export interface EstimateInput {
  /** The counted contracts, in any order. */
  contracts: Iterable<EstimateContract>;
  /** The known totals of the same counted contracts (the lower bounds). */
  totals: Pick<BlastRadiusTotals, "records" | "subjects">;
  /** The known counts of the scenario's active contracts, by consignor kind: records and persons apart. */
  peers: { records: PeerCounts; subjects: PeerCounts };
}

export interface EstimateOptions {
  /** Monte Carlo draws; estimateDraws(…) unless given (benches and tests only). */
  draws?: number;
  /** ESTIMATE_SEED unless given (the bench measures the spread between seeds). */
  seed?: number;
}

export interface EstimateQuantiles {
  p10: number;
  p50: number;
  p90: number;
}

/** `totals.estimate` of an answer (../shared/DOMAIN.md, "Estimate of the undisclosed"). */
export interface UndisclosedEstimate {
  records: EstimateQuantiles;
  subjects: EstimateQuantiles;
  /** Monte Carlo draws behind the quantiles; 0 when nothing is undisclosed (nothing was drawn). */
  draws: number;
  /**
   * For each kind among the consignors of the contracts with an undisclosed count (`""`: unknown
   * kind), how many peer counts its draws came from: the kind's own, or all kinds' pooled when it
   * fell back. Records' pool; persons' for a kind whose contracts all disclose records.
   */
  peers: Record<string, number>;
  /**
   * How many known counts the draws came from, for the estimate's label ("estimate (from N
   * peers)"): the records' pools together (the persons' when no record count is undisclosed);
   * 0 when nothing was drawn.
   */
  peerCount: number;
}

/**
 * Draws per estimate: ESTIMATE_DRAWS, fewer when the radius has so many undisclosed counts that
 * 1,000 draws would draw more than ESTIMATE_PICKS single values; never fewer than
 * ESTIMATE_MIN_DRAWS. Chosen from tools/bench/estimate.ts (figures in
 * docs/blast-radius.md#estimate-of-the-undisclosed), on the 2-core test machine, pools ready:
 *
 * - One value drawn costs 8–15 ns once the loop is compiled, so 10 million take 100–150 ms: what
 *   the estimate may add to an API answer (< 300 ms) with room for noise and for the pools.
 * - The reckoning of the biggest vendor at 1M contracts (~5,000 contracts without
 *   records, as many without persons: 10,000 values a draw) keeps 1,000 draws: ~130 ms.
 * - The biggest generated vendor as it is (446,673 counted contracts, ~22,000 without records
 *   and ~54,000 without persons: 76,000 values a draw) would take ~0.9 s at 1,000 draws; it gets
 *   131 (~155 ms). That is enough there: a sum of so many draws is narrow, and over 20 seeds p50
 *   moves by 0.5% of the undisclosed part (0.03% of the total), p10 and p90 by 1%.
 * - Small radii keep 1,000 draws, which cost nothing there: over 20 seeds the sample-sized
 *   radius's p50 moves by 6% of its undisclosed part at 1,000 draws (10% at 500, 6% at 2,000,
 *   3.5% at 5,000). More would not make it truer: its assumptions weigh more than its noise.
 */
export const ESTIMATE_DRAWS = 1000;
/** The most single values drawn per estimate (records and persons together). */
export const ESTIMATE_PICKS = 10_000_000;
/** The fewest draws, however many counts are undisclosed: p10 and p90 stand on 10 totals each side. */
export const ESTIMATE_MIN_DRAWS = 100;

/** The draws for so many undisclosed counts (records and persons together) to draw a value for. */
export function estimateDraws(undisclosed: number): number {
  if (undisclosed <= 0) return ESTIMATE_DRAWS;
  return Math.max(ESTIMATE_MIN_DRAWS, Math.min(ESTIMATE_DRAWS, Math.floor(ESTIMATE_PICKS / undisclosed)));
}

/** The fixed seed: the same scenario on the same load gives the same estimate. */
export const ESTIMATE_SEED = 0x6b656972; // "keir"

/** A kind with fewer peer counts than this draws from all kinds' counts pooled. */
export const MIN_KIND_PEERS = 5;

/** The key of the unknown kind in `peers`. */
export const UNKNOWN_KIND_KEY = "";

/**
 * The estimate, or null when there are no peers at all (no known count > 0 among the scenario's
 * active contracts), or when records or persons are undisclosed somewhere and have no peers to
 * draw from.
 *
 * - Records: each counted contract with `records` null takes one value drawn uniformly from its
 *   consignor kind's records peers, or from all kinds' records peers pooled when its kind has
 *   fewer than MIN_KIND_PEERS (a consignor of unknown kind always draws from the pool: it has no
 *   kind to match). Persons: the same with `subjects` and the persons peers. Draws are
 *   independent; one draw of the total is the known total plus one value for each.
 * - Monte Carlo: `draws` totals (estimateDraws) from one seeded generator (sfc32), records from
 *   the seed and persons from the seed + 1. Contracts of one kind are alike to it, so it draws
 *   kind by kind (kinds in code-unit order, the unknown kind last), from each pool in ascending
 *   order of counts: neither the order of the contracts nor of the peers changes the answer.
 * - Quantiles by nearest rank: pN is the ⌈N·draws/100⌉-th smallest total (1,000 draws: the
 *   100th, 500th and 900th). Always one of the drawn totals, never an interpolation: when every
 *   peer holds x, each is exactly the total + n·x (integer counts add up exactly).
 * - Nothing undisclosed (for records, or for persons): p10 = p50 = p90 = the total, no draws.
 */
export function estimateUndisclosed(
  input: EstimateInput,
  options: EstimateOptions = {},
): UndisclosedEstimate | null {
  const seed = options.seed ?? ESTIMATE_SEED;
  // How many counted contracts of each consignor kind have no records, and no persons.
  const undisclosedRecords = new Map<string | null, number>();
  const undisclosedSubjects = new Map<string | null, number>();
  for (const contract of input.contracts) {
    if (contract.records === null)
      undisclosedRecords.set(contract.kind, (undisclosedRecords.get(contract.kind) ?? 0) + 1);
    if (contract.subjects === null)
      undisclosedSubjects.set(contract.kind, (undisclosedSubjects.get(contract.kind) ?? 0) + 1);
  }

  const recordsPools = new Pools(input.peers.records);
  const subjectsPools = new Pools(input.peers.subjects);
  if (!recordsPools.any && !subjectsPools.any) return null;
  if (undisclosedRecords.size > 0 && !recordsPools.any) return null;
  if (undisclosedSubjects.size > 0 && !subjectsPools.any) return null;

  let picks = 0;
  for (const n of undisclosedRecords.values()) picks += n;
  for (const n of undisclosedSubjects.values()) picks += n;
  const draws = options.draws ?? estimateDraws(picks);
  if (!Number.isInteger(draws) || draws < 1)
    throw new RangeError(`draws: ${draws} is not a whole number ≥ 1`);

  const peers = new Map<string, number>();
  const records = quantilesOf(input.totals.records, undisclosedRecords, recordsPools, draws, seed, peers);
  const subjects = quantilesOf(
    input.totals.subjects,
    undisclosedSubjects,
    subjectsPools,
    draws,
    seed + 1,
    peers,
  );
  return {
    records,
    subjects,
    draws: picks > 0 ? draws : 0,
    // fromEntries: every kind an own key, in code-unit order.
    peers: Object.fromEntries([...peers].sort(([x], [y]) => byCodeUnits(x, y))),
    peerCount:
      undisclosedRecords.size > 0
        ? recordsPools.union(undisclosedRecords.keys())
        : subjectsPools.union(undisclosedSubjects.keys()),
  };
}

/**
 * The peer pools of one count (records or persons): each kind's counts > 0, ascending, made on
 * first use, and all kinds' pooled.
 */
class Pools {
  /** Whether any kind has a count > 0. */
  readonly any: boolean;
  private readonly sorted = new Map<string | null, Float64Array>();
  private all: Float64Array | null = null;

  constructor(private readonly counts: PeerCounts) {
    this.any = [...counts.values()].some((values) => Array.prototype.some.call(values, isPeer));
  }

  /** The pool a contract of this kind draws from. */
  of(kind: string | null): Float64Array {
    if (kind !== null) {
      const own = this.kindPool(kind);
      if (own.length >= MIN_KIND_PEERS) return own;
    }
    this.all ??= mergeAscending([...this.counts.keys()].map((k) => this.kindPool(k)));
    return this.all;
  }

  /** How many counts the pools of these kinds hold together (the pooled counts hold every kind's). */
  union(kinds: Iterable<string | null>): number {
    const used = new Set([...kinds].map((kind) => this.of(kind)));
    if (this.all !== null && used.has(this.all)) return this.all.length;
    let n = 0;
    for (const pool of used) n += pool.length;
    return n;
  }

  private kindPool(kind: string | null): Float64Array {
    let pool = this.sorted.get(kind);
    if (pool === undefined) {
      pool = peerPool(this.counts.get(kind) ?? []);
      this.sorted.set(kind, pool);
    }
    return pool;
  }
}

const isPeer = (value: number) => value > 0 && value < Number.POSITIVE_INFINITY;

function positives(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (isPeer(values[i] as number)) n++;
  return n;
}

/**
 * A pool of peer counts as the estimate draws from it: the counts > 0, ascending; the array
 * itself when it is a Float64Array already so (then the estimate neither copies nor sorts it).
 * Callers that keep pools between answers can prepare them with this.
 */
export function peerPool(values: ArrayLike<number>): Float64Array {
  if (values instanceof Float64Array) {
    let ascending = values.length === 0 || isPeer(values[0] as number);
    for (let i = 1; ascending && i < values.length; i++)
      ascending = (values[i] as number) >= (values[i - 1] as number) && isPeer(values[i] as number);
    if (ascending) return values;
  }
  const pool = new Float64Array(positives(values));
  let at = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (isPeer(value)) {
      pool[at++] = value;
      whole &&= value <= 0xffffffff && Number.isInteger(value);
    }
  }
  // Counts are whole numbers: sorted as 32-bit integers they sort about twice as fast.
  if (whole) {
    const sorted = Uint32Array.from(pool).sort();
    for (let i = 0; i < sorted.length; i++) pool[i] = sorted[i] as number;
    return pool;
  }
  return pool.sort();
}

/** Ascending arrays merged into one ascending array (pairwise, O(n log k)). */
function mergeAscending(arrays: Float64Array[]): Float64Array {
  let level = arrays;
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const x = level[i] as Float64Array;
      const y = level[i + 1];
      if (y === undefined) {
        next.push(x);
        continue;
      }
      const merged = new Float64Array(x.length + y.length);
      let i1 = 0;
      let i2 = 0;
      let at = 0;
      while (i1 < x.length && i2 < y.length)
        merged[at++] = (x[i1] as number) <= (y[i2] as number) ? (x[i1++] as number) : (y[i2++] as number);
      merged.set(x.subarray(i1), at);
      merged.set(y.subarray(i2), at + x.length - i1);
      next.push(merged);
    }
    level = next;
  }
  return level[0] as Float64Array;
}

/**
 * The quantiles of one count's total; notes in `peers` the size of the pool each kind drew from.
 * Contracts of one kind draw from one pool, so only how many each kind has matters: the draws go
 * pool by pool (the kinds in code-unit order, the unknown kind last), all the draws of a pool
 * together, which keeps the pool in the processor's cache; each draw's total is the known total
 * plus its value from every contract.
 */
function quantilesOf(
  total: number,
  undisclosed: ReadonlyMap<string | null, number>,
  pools: Pools,
  draws: number,
  seed: number,
  peers: Map<string, number>,
): EstimateQuantiles {
  if (undisclosed.size === 0) return { p10: total, p50: total, p90: total };

  // How many contracts draw from each pool, in the order of their kinds.
  const contractsOf = new Map<Float64Array, number>();
  for (const kind of [...undisclosed.keys()].sort(byKind)) {
    const pool = pools.of(kind);
    contractsOf.set(pool, (contractsOf.get(pool) ?? 0) + (undisclosed.get(kind) as number));
    const key = kind ?? UNKNOWN_KIND_KEY;
    // Records are noted first: a kind's records pool wins over its persons pool.
    if (!peers.has(key)) peers.set(key, pool.length);
  }

  // sfc32, Chris Doty-Humphrey's Small Fast Counting generator (PractRand), seeded as PractRand
  // seeds it (a = 0, b = the seed, c = 0, counter 1, 12 rounds): inlined, its state in locals.
  let a = 0;
  let b = seed | 0;
  let c = 0;
  let counter = 1;
  for (let round = 0; round < 12; round++) {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }

  const totals = new Float64Array(draws).fill(total);
  for (const [pool, contracts] of contractsOf) {
    const length = pool.length;
    for (let k = 0; k < contracts; k++)
      for (let draw = 0; draw < draws; draw++) {
        const t = (((a + b) | 0) + counter) | 0;
        counter = (counter + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        // An index in [0, length): the 32 random bits scaled down (bias < length / 2^32).
        totals[draw] =
          (totals[draw] as number) + (pool[Math.floor(((t >>> 0) * length) / 4294967296)] as number);
      }
  }
  totals.sort();
  return { p10: nearestRank(totals, 10), p50: nearestRank(totals, 50), p90: nearestRank(totals, 90) };
}

/** Kinds in code-unit order, the unknown kind last. */
const byKind = (x: string | null, y: string | null): number =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : byCodeUnits(x, y);

/** The pct-th percentile by nearest rank: the ⌈pct·n/100⌉-th smallest of the sorted values. */
function nearestRank(sorted: Float64Array, pct: number): number {
  const rank = Math.max(1, Math.ceil((pct * sorted.length) / 100));
  return sorted[rank - 1] as number;
}
