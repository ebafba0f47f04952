import { describe, expect, it } from "vitest";
import type { ContractFacts, OrganisationSummary } from "../../domain/index.ts";
import { columnsOf } from "../../engine/copyColumns.ts";
import { deriveCopy } from "../../engine/copyData.ts";
import { InMemoryCopy } from "../../engine/inMemoryCopy.ts";
import { rankAll, stronglyConnected } from "../../engine/rankAll.ts";
import { seededRandom } from "../../tools/generate/random.ts";
import { referenceRanking } from "../../tools/reference/ranking.ts";

function randomGraph(seed: number, n: number, m: number) {
  const random = seededRandom(seed);
  const int = (k: number) => Math.floor(random() * k);
  const contracts: ContractFacts[] = Array.from({ length: m }, (_, e) => ({
    id: `c${e}`,
    consignor: `o${int(n)}`,
    contractor: `o${random() < 0.5 ? int(Math.max(1, n / 5)) : int(n)}`,
    records: random() < 0.1 ? null : int(1000),
    subjects: null,
    sinceStart: null,
    deleteByEnd: null,
    carries: null,
  }));
  const organisations: OrganisationSummary[] = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    name: `組織${i}`,
    nameEn: null,
    kind: null,
    region: null,
  }));
  const vendors = new Set(contracts.map((c) => c.contractor));
  return { organisations, contracts, vendors };
}

/** The engines' ranking: every vendor at once, from an in-memory copy of the graph. */
const rankAtOnce = (organisations: OrganisationSummary[], contracts: ContractFacts[]) =>
  InMemoryCopy.of(organisations, contracts).rank();

describe("ranking every vendor at once (SCC condensation + bitsets)", () => {
  it("finds strongly connected components, children first", () => {
    // 0 → 1 → 2 → 1, 2 → 3; 4 alone.
    const outStart = Int32Array.from([0, 1, 2, 4, 4, 4]);
    const outTarget = Int32Array.from([1, 2, 1, 3]);
    const { comp, count } = stronglyConnected(5, outStart, outTarget);
    expect(count).toBe(4);
    expect(comp[1]).toBe(comp[2]);
    expect(comp[3] as number).toBeLessThan(comp[1] as number);
    expect(comp[1] as number).toBeLessThan(comp[0] as number);
  });

  it.each([
    [1, 12, 20],
    [2, 30, 90],
    [3, 60, 240],
    [4, 200, 600],
    [5, 400, 3000],
  ])(
    "agrees with one blast radius per vendor on a random graph (seed %i, %i organisations, %i contracts)",
    (seed, n, m) => {
      const { organisations, contracts, vendors } = randomGraph(seed, n, m);
      const fast = rankAtOnce(organisations, contracts);
      const slow = referenceRanking(organisations, contracts);
      expect(fast).toEqual(slow);
      expect(fast.length).toBe(vendors.size);
    },
  );

  it("agrees on 200 more small random graphs, with self-loops and cycles", () => {
    for (let seed = 100; seed < 300; seed++) {
      const { organisations, contracts } = randomGraph(seed, 3 + (seed % 9), (seed * 7) % 30);
      expect(rankAtOnce(organisations, contracts)).toEqual(referenceRanking(organisations, contracts));
    }
  });
});

describe("the ranking's two ways of holding reach sets (lists of vendors, bitsets in batches)", () => {
  /** A random graph whose sub-contracts sometimes carry listed contracts (scoped). */
  function scopedTable(seed: number, n: number, m: number) {
    const { organisations, contracts } = randomGraph(seed, n, m);
    const random = seededRandom(seed + 1000);
    for (const c of contracts)
      if (random() < 0.2) c.carries = [`c${Math.floor(random() * m)}`, `c${Math.floor(random() * m)}`];
    const data = deriveCopy(columnsOf(organisations, contracts), { exposures: [], incidents: [] }, false);
    const vendors = new Set<number>();
    for (const v of data.table.to) vendors.add(v);
    return { ...data.table, n, vendors: Int32Array.from([...vendors].sort((a, b) => a - b)) };
  }

  it.each([
    [11, 40, 150],
    [12, 200, 1200],
    [13, 500, 4000],
  ])("give the same figures, whatever the batch (seed %i, %i organisations, %i contracts)", (seed, n, m) => {
    const input = scopedTable(seed, n, m);
    const lists = rankAll(input);
    // No list may grow: bitsets, one word (32 vendors) per batch.
    const bitsets = rankAll(input, { listEntries: 0, bitsetBytes: 1 });
    const oneBatch = rankAll(input, { listEntries: 0, bitsetBytes: 1 << 30 });
    expect(bitsets).toEqual(lists);
    expect(oneBatch).toEqual(lists);
  });
});
