import type { Condensed, RankFigures } from "./rankCondensed.ts";

/**
 * The vendors' figures from reach sets held as lists of vendor numbers (rankAll.ts): component c
 * reaches the vendors list[start[c] .. end[c]). Built children first, each list the union of its
 * children's and its own vendor hub's, de-duplicated with a stamp per vendor. A component that
 * reaches exactly what its one child reaches shares the child's list (chains of sub-contracts).
 * Costs what the lists hold: null when they would hold more than `limit` entries.
 */
export function rankBySets(g: Condensed, limit: number): RankFigures | null {
  const { count, comp, compStart, members, outStart, outTarget, vendorBit } = g;
  const vendorCount = g.vendors.length;
  const n = vendorBit.length;
  // Only a component some edge or contract leads into needs its list (a client's own hub has none).
  const needed = new Uint8Array(count);
  for (let i = 0; i < outTarget.length; i++) needed[comp[outTarget[i] as number] as number] = 1;
  for (let e = 0; e < g.contractComp.length; e++) needed[g.contractComp[e] as number] = 1;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let pool = new Int32Array(Math.min(limit, Math.max(1024, count)));
  let size = 0;
  const stamp = new Int32Array(vendorCount).fill(-1);
  const push = (t: number): boolean => {
    if (size === pool.length) {
      if (size >= limit) return false;
      const grown = new Int32Array(Math.min(limit, size * 2));
      grown.set(pool);
      pool = grown;
    }
    pool[size++] = t;
    return true;
  };
  for (let c = 0; c < count; c++) {
    start[c] = end[c] = size;
    if (needed[c] === 0) continue;
    // Its own vendor hubs, and its distinct children (one child and no hub: share its list).
    let own = 0;
    let onlyChild = -1;
    let children = 0;
    for (let k = compStart[c] as number; k < (compStart[c + 1] as number); k++) {
      const u = members[k] as number;
      if (u < n && (vendorBit[u] as number) !== -1) own += 1;
      for (let i = outStart[u] as number; i < (outStart[u + 1] as number); i++) {
        const d = comp[outTarget[i] as number] as number;
        if (d !== c && d !== onlyChild) {
          children += 1;
          onlyChild = d;
        }
      }
    }
    if (own === 0 && children === 1) {
      start[c] = start[onlyChild] as number;
      end[c] = end[onlyChild] as number;
      continue;
    }
    const add = (t: number) => {
      if (stamp[t] === c) return true;
      stamp[t] = c;
      return push(t);
    };
    for (let k = compStart[c] as number; k < (compStart[c + 1] as number); k++) {
      const u = members[k] as number;
      if (u < n && (vendorBit[u] as number) !== -1 && !add(vendorBit[u] as number)) return null;
      for (let i = outStart[u] as number; i < (outStart[u + 1] as number); i++) {
        const d = comp[outTarget[i] as number] as number;
        if (d === c) continue;
        for (let j = start[d] as number; j < (end[d] as number); j++)
          if (!add(pool[j] as number)) return null;
      }
    }
    end[c] = size;
  }
  return figuresOf(g, pool, start, end);
}

/** Records and undisclosed contracts by vendor, then each consignor once per vendor it reaches. */
function figuresOf(g: Condensed, pool: Int32Array, start: Int32Array, end: Int32Array): RankFigures {
  const { count, compRecords, compUndisclosed, consignorStart, consignorEdges, contractComp, records } = g;
  const vendorCount = g.vendors.length;
  const out: RankFigures = {
    records: new Float64Array(vendorCount),
    organisations: new Int32Array(vendorCount),
    undisclosedContracts: new Int32Array(vendorCount),
  };
  // Components in ascending order, as the bitsets add them: the same sums, bit for bit.
  for (let c = 0; c < count; c++) {
    if (compRecords[c] === 0 && compUndisclosed[c] === 0) continue;
    for (let j = start[c] as number; j < (end[c] as number); j++) {
      const t = pool[j] as number;
      out.records[t] = (out.records[t] as number) + (compRecords[c] as number);
      out.undisclosedContracts[t] = (out.undisclosedContracts[t] as number) + (compUndisclosed[c] as number);
    }
  }
  // Per consignor: the vendors any of its contracts reaches, each counted once; a vendor's own
  // contracts come off its sums (it is compromised, so they are never counted).
  const seenVendor = new Int32Array(vendorCount).fill(-1);
  const seenComp = new Int32Array(count).fill(-1);
  const ownIn = new Uint8Array(count);
  for (let a = 0; a < consignorStart.length - 1; a++) {
    const own = g.vendorBit[a] as number;
    for (let i = consignorStart[a] as number; i < (consignorStart[a + 1] as number); i++) {
      const e = consignorEdges[i] as number;
      const c = contractComp[e] as number;
      const first = seenComp[c] !== a;
      if (first) {
        seenComp[c] = a;
        ownIn[c] = 0;
        for (let j = start[c] as number; j < (end[c] as number); j++) {
          const t = pool[j] as number;
          if (t === own) ownIn[c] = 1;
          if (seenVendor[t] === a) continue;
          seenVendor[t] = a;
          if (t !== own) out.organisations[t] = (out.organisations[t] as number) + 1;
        }
      }
      if (own !== -1 && ownIn[c] === 1) {
        const r = records[e] as number;
        if (Number.isNaN(r)) out.undisclosedContracts[own] = (out.undisclosedContracts[own] as number) - 1;
        else out.records[own] = (out.records[own] as number) - r;
      }
    }
  }
  return out;
}
