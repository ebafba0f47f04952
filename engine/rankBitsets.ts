import type { Condensed, RankFigures } from "./rankCondensed.ts";

/**
 * The vendors' figures from reach sets held as bitsets (rankAll.ts), for graphs whose reach sets
 * are too large to list: a batch of vendors at a time, each batch's bitsets within `bytes`
 * (components × vendors / 8 bytes at once took 7.5 GB at 10M contracts). Every batch adds its
 * vendors' figures in the same order as one batch of all of them would, so the sums are the same.
 */
export function rankByBitsets(g: Condensed, bytes: number): RankFigures {
  const vendorCount = g.vendors.length;
  const out: RankFigures = {
    records: new Float64Array(vendorCount),
    organisations: new Int32Array(vendorCount),
    undisclosedContracts: new Int32Array(vendorCount),
  };
  const wordsPerBatch = Math.max(1, Math.floor(bytes / 4 / Math.max(1, g.count)));
  for (let first = 0; first < vendorCount; first += wordsPerBatch * 32)
    batch(g, first, Math.min(vendorCount, first + wordsPerBatch * 32), out);
  return out;
}

/** The figures of vendors first .. last-1 (bit t − first of each component's words). */
function batch(g: Condensed, first: number, last: number, out: RankFigures): void {
  const { count, comp, compStart, members, outStart, outTarget, vendors, records } = g;
  const words = Math.max(1, Math.ceil((last - first) / 32));
  const reach = new Uint32Array(count * words);
  for (let t = first; t < last; t++) {
    const base = (comp[vendors[t] as number] as number) * words;
    const b = t - first;
    reach[base + (b >>> 5)] = (reach[base + (b >>> 5)] as number) | (1 << (b & 31));
  }
  // Components in Tarjan's order are children first: OR each child's bits into its parents.
  const lastSeen = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) {
    const base = c * words;
    for (let k = compStart[c] as number; k < (compStart[c + 1] as number); k++) {
      const u = members[k] as number;
      for (let i = outStart[u] as number; i < (outStart[u + 1] as number); i++) {
        const d = comp[outTarget[i] as number] as number;
        if (d === c || lastSeen[d] === c) continue;
        lastSeen[d] = c;
        const child = d * words;
        for (let w = 0; w < words; w++)
          reach[base + w] = (reach[base + w] as number) | (reach[child + w] as number);
      }
    }
  }
  const forEachBit = (bitsAt: (w: number) => number, visit: (t: number) => void) => {
    for (let w = 0; w < words; w++) {
      let bits = bitsAt(w);
      while (bits !== 0) {
        const low = bits & -bits;
        visit(first + w * 32 + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
  };
  const { compRecords, compUndisclosed } = g;
  for (let c = 0; c < count; c++) {
    if (compRecords[c] === 0 && compUndisclosed[c] === 0) continue;
    forEachBit(
      (w) => reach[c * words + w] as number,
      (t) => {
        out.records[t] = (out.records[t] as number) + (compRecords[c] as number);
        out.undisclosedContracts[t] =
          (out.undisclosedContracts[t] as number) + (compUndisclosed[c] as number);
      },
    );
  }
  // Per consignor: the batch's vendors any of its contracts reaches, each counted once; a
  // vendor's own contracts come off its sums (it is compromised, so they are never counted).
  const { consignorStart, consignorEdges, contractComp, vendorBit } = g;
  const union = new Uint32Array(words);
  for (let a = 0; a < consignorStart.length - 1; a++) {
    const begin = consignorStart[a] as number;
    const end = consignorStart[a + 1] as number;
    if (begin === end) continue;
    union.fill(0);
    const own = vendorBit[a] as number;
    const ownBit = own >= first && own < last ? own - first : -1;
    for (let i = begin; i < end; i++) {
      const e = consignorEdges[i] as number;
      const base = (contractComp[e] as number) * words;
      for (let w = 0; w < words; w++) union[w] = (union[w] as number) | (reach[base + w] as number);
      if (ownBit !== -1 && ((reach[base + (ownBit >>> 5)] as number) & (1 << (ownBit & 31))) !== 0) {
        const r = records[e] as number;
        if (Number.isNaN(r)) out.undisclosedContracts[own] = (out.undisclosedContracts[own] as number) - 1;
        else out.records[own] = (out.records[own] as number) - r;
      }
    }
    forEachBit(
      (w) => union[w] as number,
      (t) => {
        if (t !== own) out.organisations[t] = (out.organisations[t] as number) + 1;
      },
    );
  }
}
