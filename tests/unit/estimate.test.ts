import { describe, expect, it } from "vitest";
import {
  ESTIMATE_DRAWS,
  ESTIMATE_MIN_DRAWS,
  type EstimateContract,
  type EstimateInput,
  estimateDraws,
  estimateUndisclosed,
  MIN_KIND_PEERS,
  type PeerCounts,
  peerPool,
  UNKNOWN_KIND_KEY,
} from "../../domain/estimate.ts";
import { seededRandom } from "../../tools/generate/random.ts";

/**
 * The estimate of the undisclosed (docs/blast-radius.md#estimate-of-the-undisclosed): the
 * properties ../shared/DOMAIN.md promises, on hand-made inputs with exact answers and on random
 * ones.
 */

type Counts = Record<string, number[]>;
const pools = (counts: Counts, unknown?: number[]): PeerCounts =>
  new Map<string | null, number[]>([
    ...Object.entries(counts),
    ...(unknown === undefined ? [] : [[null, unknown] as [null, number[]]]),
  ]);
const contract = (
  kind: string | null,
  records: number | null,
  subjects: number | null,
): EstimateContract => ({
  kind,
  records,
  subjects,
});
const input = (contracts: EstimateContract[], records: PeerCounts, subjects: PeerCounts): EstimateInput => ({
  contracts,
  totals: {
    records: contracts.reduce((sum, c) => sum + (c.records ?? 0), 0),
    subjects: contracts.reduce((sum, c) => sum + (c.subjects ?? 0), 0),
  },
  peers: { records, subjects },
});
const flat = (x: number, n: number) => Array.from({ length: n }, () => x);

describe("the estimate of the undisclosed, on hand-made inputs", () => {
  it("collapses to the totals when nothing is undisclosed: no draws", () => {
    const estimate = estimateUndisclosed(
      input(
        [contract("municipality", 100, 80), contract("bank", 5, 1)],
        pools({ municipality: [100, 3] }),
        pools({ municipality: [80] }),
      ),
    );
    expect(estimate).toEqual({
      records: { p10: 105, p50: 105, p90: 105 },
      subjects: { p10: 81, p50: 81, p90: 81 },
      draws: 0,
      peerCount: 0,
      peers: {},
    });
  });

  it("gives the total + n·x when every peer holds x", () => {
    const estimate = estimateUndisclosed(
      input(
        [
          contract("municipality", null, null),
          contract("municipality", 1000, null),
          contract("municipality", null, 50),
          contract("municipality", null, 20),
        ],
        pools({ municipality: flat(7, 9) }),
        pools({ municipality: flat(3, 6) }),
      ),
    );
    expect(estimate).toEqual({
      records: { p10: 1021, p50: 1021, p90: 1021 },
      subjects: { p10: 76, p50: 76, p90: 76 },
      draws: ESTIMATE_DRAWS,
      peerCount: 9,
      peers: { municipality: 9 },
    });
  });

  it("draws a kind with fewer than 5 peers from all kinds pooled, and says so in peers", () => {
    // Banks have 2 peers of their own: they draw from the 12 pooled, two of which hold 1,000
    // (1/6 of the draws, well above the tenth p90 stands on). Cities have 10, all 5: their own.
    const records = pools({ bank: [1000, 1000], city: flat(5, 10) });
    const subjects = pools({ bank: [1], city: [1] });
    const bank = estimateUndisclosed(input([contract("bank", null, 0)], records, subjects));
    expect(bank?.records).toEqual({ p10: 5, p50: 5, p90: 1000 });
    expect(bank?.peers).toEqual({ bank: 12 });
    const city = estimateUndisclosed(input([contract("city", null, 0)], records, subjects));
    expect(city?.records).toEqual({ p10: 5, p50: 5, p90: 5 });
    expect(city?.peers).toEqual({ city: 10 });
  });

  it('draws a consignor of unknown kind from all kinds pooled, under the key ""', () => {
    const estimate = estimateUndisclosed(
      input([contract(null, null, 4)], pools({ city: flat(5, 10) }, [5, 5]), pools({ city: [4] })),
    );
    expect(estimate?.records).toEqual({ p10: 5, p50: 5, p90: 5 });
    expect(estimate?.peers).toEqual({ [UNKNOWN_KIND_KEY]: 12 });
  });

  it("takes the 100th, 500th and 900th of 1,000 drawn totals (nearest rank)", () => {
    // One undisclosed contract among 5 peers, one of which holds 1,000: a fifth of the draws.
    const estimate = estimateUndisclosed(
      input(
        [contract("city", 1, 1), contract("city", null, 1)],
        pools({ city: [10, 10, 10, 10, 1000] }),
        pools({}),
      ),
    );
    expect(estimate?.records).toEqual({ p10: 11, p50: 11, p90: 1001 });
    // One draw: every quantile is that draw.
    const one = estimateUndisclosed(
      input([contract("city", null, 1)], pools({ city: [10, 20, 30, 40, 50] }), pools({})),
      { draws: 1 },
    );
    expect(one?.draws).toBe(1);
    expect(new Set([one?.records.p10, one?.records.p50, one?.records.p90]).size).toBe(1);
  });

  it("counts only peers greater than zero", () => {
    const estimate = estimateUndisclosed(
      input(
        [contract("city", null, 1)],
        pools({ city: [0, 0, -3, 4, 4, 4, 4, Number.NaN, 4, Number.POSITIVE_INFINITY] }),
        pools({}),
      ),
    );
    expect(estimate?.records).toEqual({ p10: 4, p50: 4, p90: 4 });
    expect(estimate?.peers).toEqual({ city: MIN_KIND_PEERS });
  });

  it("reports the persons pool for a kind whose contracts all disclose records", () => {
    const estimate = estimateUndisclosed(
      input(
        [contract("city", null, 1), contract("bank", 1, null)],
        pools({ city: flat(2, 6), bank: flat(3, 7) }),
        pools({ city: flat(5, 8), bank: flat(9, 9) }),
      ),
    );
    expect(estimate).toEqual({
      records: { p10: 3, p50: 3, p90: 3 },
      subjects: { p10: 10, p50: 10, p90: 10 },
      draws: ESTIMATE_DRAWS,
      peerCount: 6,
      peers: { bank: 9, city: 6 },
    });
  });

  it("is null when there are no peers at all", () => {
    expect(estimateUndisclosed(input([contract("city", null, null)], pools({}), pools({})))).toBeNull();
    expect(estimateUndisclosed(input([contract("city", 0, 0)], pools({ city: [0] }), pools({})))).toBeNull();
    // Nothing undisclosed and no peers: still null (no peers at all).
    expect(estimateUndisclosed(input([], pools({}), pools({})))).toBeNull();
  });

  it("is null when a count is undisclosed and has no peers to draw from", () => {
    // Records have peers; persons are undisclosed and have none.
    expect(
      estimateUndisclosed(input([contract("city", null, null)], pools({ city: [5] }), pools({}))),
    ).toBeNull();
    // Persons have no peers but none is undisclosed: the estimate stands.
    expect(
      estimateUndisclosed(input([contract("city", null, 3)], pools({ city: [5] }), pools({})))?.records,
    ).toEqual({ p10: 5, p50: 5, p90: 5 });
  });

  it("gives the same answer whatever the order of the contracts and of the peers", () => {
    const contracts = [
      contract("city", null, null),
      contract("bank", 40, null),
      contract("city", 12, 3),
      contract(null, null, 7),
      contract("bank", null, null),
    ];
    const records = { city: [3, 90, 14, 2200, 5, 61], bank: [700, 15, 99] };
    const subjects = { city: [1, 2, 3, 400, 5], bank: [8, 60, 7, 1, 2, 3000] };
    const forward = estimateUndisclosed(input(contracts, pools(records, [1, 2]), pools(subjects)));
    const reversed = estimateUndisclosed(
      input(
        [...contracts].reverse(),
        new Map<string | null, number[]>([
          [null, [2, 1]],
          ["bank", [...records.bank].reverse()],
          ["city", [...records.city].reverse()],
        ]),
        pools({ bank: [...subjects.bank].reverse(), city: [...subjects.city].reverse() }),
      ),
    );
    expect(forward).not.toBeNull();
    expect(reversed).toEqual(forward);
    // And as typed arrays, ready (peerPool) or not.
    const typed = estimateUndisclosed(
      input(
        contracts,
        new Map<string | null, ArrayLike<number>>([
          ["city", Float64Array.from(records.city)],
          ["bank", peerPool(records.bank)],
          [null, Int32Array.from([1, 2])],
        ]),
        pools(subjects),
      ),
    );
    expect(typed).toEqual(forward);
  });

  it("chooses fewer draws only for radii with very many undisclosed counts", () => {
    expect(estimateDraws(0)).toBe(ESTIMATE_DRAWS);
    expect(estimateDraws(18 + 19)).toBe(ESTIMATE_DRAWS);
    expect(estimateDraws(10_000)).toBe(ESTIMATE_DRAWS);
    expect(estimateDraws(22_334 + 53_600)).toBe(131);
    expect(estimateDraws(10_000_000)).toBe(ESTIMATE_MIN_DRAWS);
    expect(() => estimateUndisclosed(input([], pools({ city: [1] }), pools({})), { draws: 0 })).toThrow(
      RangeError,
    );
  });

  it("keeps a ready pool as it is and readies any other", () => {
    const ready = Float64Array.from([1, 2, 2, 9]);
    expect(peerPool(ready)).toBe(ready);
    expect([...peerPool([9, 0, 2, 1, -1, 2])]).toEqual([1, 2, 2, 9]);
    expect([...peerPool(Float64Array.from([0, 1, 2]))]).toEqual([1, 2]);
    expect([...peerPool(Float64Array.from([3, 1]))]).toEqual([1, 3]);
  });
});

/** A random input: up to 6 kinds (sometimes with fewer than 5 peers, sometimes none at all), unknown kinds, zeros. */
function randomInput(seed: number): EstimateInput {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const kinds = ["bank", "city", "company", "insurer", "it_vendor", "school"].slice(0, 1 + int(6));
  const kindOf = () => (random() < 0.1 ? null : (kinds[int(kinds.length)] as string));
  const value = () =>
    random() < 0.1 ? 0 : random() < 0.3 ? 1 + int(10) : Math.floor(10 ** (1 + random() * 5));
  const peerCounts = (): PeerCounts => {
    const counts = new Map<string | null, number[]>();
    if (random() < 0.08) return counts;
    for (const kind of [...kinds, null])
      if (random() < 0.85) counts.set(kind, Array.from({ length: int(random() < 0.3 ? 6 : 40) }, value));
    return counts;
  };
  const contracts = Array.from({ length: int(25) }, () =>
    contract(kindOf(), random() < 0.35 ? null : value(), random() < 0.45 ? null : value()),
  );
  return input(contracts, peerCounts(), peerCounts());
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The peers of a kind as the rule says: its own counts > 0, or all kinds' when it has fewer than 5. */
function poolOf(counts: PeerCounts, kind: string | null): number[] {
  const positive = (values: ArrayLike<number>) => Array.from(values).filter((v) => v > 0);
  const own = kind === null ? [] : positive(counts.get(kind) ?? []);
  return own.length >= MIN_KIND_PEERS ? own : [...counts.values()].flatMap(positive);
}

describe("the estimate of the undisclosed, on 200 random inputs", () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it.each(seeds)("keeps its properties (seed %i)", (seed) => {
    const given = randomInput(seed);
    const contracts = [...given.contracts];
    const estimate = estimateUndisclosed(given);
    const measures = [
      { key: "records", total: given.totals.records, peers: given.peers.records },
      { key: "subjects", total: given.totals.subjects, peers: given.peers.subjects },
    ] as const;
    const undisclosed = (key: "records" | "subjects") => contracts.filter((c) => c[key] === null);
    const peersOf = (counts: PeerCounts) =>
      [...counts.values()].flatMap((v) => Array.from(v).filter((x) => x > 0));

    const noPeers = measures.every((m) => peersOf(m.peers).length === 0);
    const cannotDraw = measures.some((m) => undisclosed(m.key).length > 0 && peersOf(m.peers).length === 0);
    if (noPeers || cannotDraw) {
      expect(estimate).toBeNull();
      return;
    }
    if (estimate === null) throw new Error("an estimate was expected");

    const anyUndisclosed = measures.some((m) => undisclosed(m.key).length > 0);
    expect(estimate.draws).toBe(anyUndisclosed ? ESTIMATE_DRAWS : 0);
    for (const m of measures) {
      const q = estimate[m.key];
      const open = undisclosed(m.key);
      if (open.length === 0) {
        expect(q).toEqual({ p10: m.total, p50: m.total, p90: m.total });
        continue;
      }
      expect(m.total).toBeLessThanOrEqual(q.p10);
      expect(q.p10).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p90);
      // Between every contract drawing its pool's least and every one its greatest.
      const least = open.reduce((sum, c) => sum + Math.min(...poolOf(m.peers, c.kind)), m.total);
      const most = open.reduce((sum, c) => sum + Math.max(...poolOf(m.peers, c.kind)), m.total);
      expect(q.p10).toBeGreaterThanOrEqual(least);
      expect(q.p90).toBeLessThanOrEqual(most);
    }

    // peers: each kind among the undisclosed, the size of its records pool (persons' when its
    // contracts all disclose records).
    const expectedPeers: Record<string, number> = {};
    for (const m of measures)
      for (const c of undisclosed(m.key)) {
        const key = c.kind ?? UNKNOWN_KIND_KEY;
        expectedPeers[key] ??= poolOf(m.peers, c.kind).length;
      }
    expect(estimate.peers).toEqual(expectedPeers);
    expect(Object.keys(estimate.peers)).toEqual(Object.keys(estimate.peers).sort());

    // The same input in any order: the same answer.
    const random = seededRandom(seed * 7919);
    const reorder = (counts: PeerCounts): PeerCounts =>
      new Map(
        shuffled([...counts], random).map(([kind, values]) => [kind, shuffled(Array.from(values), random)]),
      );
    const again = estimateUndisclosed({
      contracts: shuffled(contracts, random),
      totals: { ...given.totals },
      peers: { records: reorder(given.peers.records), subjects: reorder(given.peers.subjects) },
    });
    expect(again).toEqual(estimate);

    // Every peer holding the same x (zeros stay out): each quantile is the total + n·x.
    const x = 1 + (seed % 97);
    const flatten = (counts: PeerCounts): PeerCounts =>
      new Map([...counts].map(([kind, values]) => [kind, Array.from(values, (v) => (v > 0 ? x : v))]));
    const flatEstimate = estimateUndisclosed({
      ...given,
      peers: { records: flatten(given.peers.records), subjects: flatten(given.peers.subjects) },
    });
    for (const m of measures) {
      const expected = m.total + undisclosed(m.key).length * x;
      expect(flatEstimate?.[m.key]).toEqual({ p10: expected, p50: expected, p90: expected });
    }
  });
});
