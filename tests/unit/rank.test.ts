import { describe, expect, it } from "vitest";
import type { ContractFacts } from "../../domain/index.ts";
import { seededRandom } from "../../generate/random.ts";
import { rankVendors, rankVendorsOneByOne, type Vendor } from "../../impact/rank.ts";
import { stronglyConnected } from "../../impact/rankAll.ts";

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
  }));
  const targets = new Set(contracts.map((c) => c.contractor));
  const vendors: Vendor[] = [...targets].map((id) => ({ id, name: id, nameEn: null, kind: null }));
  return { contracts, vendors };
}

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
      const { contracts, vendors } = randomGraph(seed, n, m);
      const fast = rankVendors(contracts, vendors);
      const slow = rankVendorsOneByOne(contracts, vendors);
      expect(fast).toEqual(slow);
      expect(fast.length).toBe(vendors.length);
    },
  );

  it("agrees on 200 more small random graphs, with self-loops and cycles", () => {
    for (let seed = 100; seed < 300; seed++) {
      const { contracts, vendors } = randomGraph(seed, 3 + (seed % 9), (seed * 7) % 30);
      expect(rankVendors(contracts, vendors)).toEqual(rankVendorsOneByOne(contracts, vendors));
    }
  });
});
