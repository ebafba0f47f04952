import type { Counts } from "./contractReach.ts";
import { adjacency } from "./inMemoryArrays.ts";
import { rankByBitsets } from "./rankBitsets.ts";
import type { Condensed, RankFigures } from "./rankCondensed.ts";
import { rankBySets } from "./rankSets.ts";

/**
 * Every vendor's plain-compromise figures at once, exactly (docs/blast-radius.md#vendor-ranking),
 * in about O(E · V/32).
 *
 * A contract k = a → b reaches vendor v when b = v or a sub-contract out of b that carries k
 * reaches v (docs/blast-radius.md#2-reach-and-depth). Reach is over contracts, but most
 * contracts are alike: every contract into b that no scoped sub-contract lists reaches what the
 * unscoped sub-contracts out of b reach, plus b. So the search runs on a smaller graph: one hub
 * per organisation b (standing for "a contract into b") and one node per contract that is scoped
 * or listed by a scoped one; a hub leads to the nodes of the unscoped contracts out of it, a
 * contract's node to the hub of its contractor and to the scoped contracts that list it.
 * Condense it (Tarjan), give every component the set of vendors it reaches, built children first
 * (rankSets.ts: lists of vendor numbers; rankBitsets.ts: bitsets, a batch of vendors at a time),
 * then add each component's contracts to every vendor it reaches, and count each consignor once
 * per vendor its contracts reach. A vendor's own contracts are never counted.
 */
export interface RankInput {
  /** Organisation count; organisations are 0..n-1. */
  n: number;
  /** Contract ends and known records (NaN when undisclosed), one entry per contract. */
  from: Int32Array;
  to: Int32Array;
  records: Counts;
  /** `carries` as contract numbers: contract e's list is carriesList[carriesStart[e] .. carriesStart[e+1]). */
  carriesStart: Int32Array;
  carriesList: Int32Array;
  /** The organisations to rank (every one with a contract pointing at it). */
  vendors: Int32Array;
}

/**
 * The reach graph: hubs 0..n-1, then one node per scoped or listed contract. Its edges are
 * counted first and written into typed arrays: at 10M contracts, growing JS number arrays held
 * ~180 MB more while ranking.
 */
function reachGraph(input: RankInput) {
  const { n, from, to, carriesStart, carriesList } = input;
  const m = from.length;
  const scoped = (e: number) => (carriesStart[e + 1] as number) > (carriesStart[e] as number);
  const special = new Int32Array(m).fill(-1);
  let nodes = n;
  let edges = 0;
  for (let e = 0; e < m; e++) {
    if (scoped(e) && special[e] === -1) special[e] = nodes++;
    for (let i = carriesStart[e] as number; i < (carriesStart[e + 1] as number); i++) {
      const listed = carriesList[i] as number;
      if (listed >= 0 && special[listed] === -1) special[listed] = nodes++;
    }
  }
  /** The node whose reach is contract e's. */
  const nodeOf = (e: number) => (special[e] === -1 ? (to[e] as number) : (special[e] as number));
  const eachEdge = (visit: (source: number, target: number) => void) => {
    for (let e = 0; e < m; e++) {
      if (!scoped(e)) visit(from[e] as number, nodeOf(e));
      if (special[e] !== -1) visit(special[e] as number, to[e] as number);
      for (let i = carriesStart[e] as number; i < (carriesStart[e + 1] as number); i++) {
        const listed = carriesList[i] as number;
        if (listed >= 0) visit(special[listed] as number, special[e] as number);
      }
    }
  };
  eachEdge(() => {
    edges += 1;
  });
  const sources = new Int32Array(edges);
  const targets = new Int32Array(edges);
  let at = 0;
  eachEdge((source, target) => {
    sources[at] = source;
    targets[at++] = target;
  });
  const [outStart, order] = adjacency(nodes, sources);
  const outTarget = Int32Array.from(order, (i) => targets[i] as number);
  return { nodes, nodeOf, outStart, outTarget };
}

/** Strongly connected components, iterative Tarjan; components come out children first. */
export function stronglyConnected(
  n: number,
  outStart: Int32Array,
  outTarget: Int32Array,
): { comp: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let top = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outStart[root] as number;
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth] as number;
      const e = callEdge[depth] as number;
      if (e < (outStart[u + 1] as number)) {
        callEdge[depth] = e + 1;
        const v = outTarget[e] as number;
        if (index[v] === -1) {
          index[v] = low[v] = counter++;
          stack[top++] = v;
          onStack[v] = 1;
          depth += 1;
          callNode[depth] = v;
          callEdge[depth] = outStart[v] as number;
        } else if (onStack[v]) {
          low[u] = Math.min(low[u] as number, index[v] as number);
        }
        continue;
      }
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack[--top] as number;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== u);
        count += 1;
      }
      depth -= 1;
      if (depth >= 0) {
        const parent = callNode[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[u] as number);
      }
    }
  }
  return { comp, count };
}

/**
 * How many reach-list entries the sparse way may hold (4 bytes each) before the ranking turns to
 * bitsets in batches; and how many bytes one batch of bitsets may take.
 */
export const RANK_LIMITS = { listEntries: 256 * 1024 * 1024, bitsetBytes: 1024 * 1024 * 1024 };

export function rankAll(input: RankInput, limits = RANK_LIMITS): RankFigures {
  const { n, from, records, vendors } = input;
  const m = from.length;
  const { nodes, nodeOf, outStart, outTarget } = reachGraph(input);
  const { comp, count } = stronglyConnected(nodes, outStart, outTarget);
  const vendorBit = new Int32Array(n).fill(-1);
  vendors.forEach((v, t) => {
    vendorBit[v] = t;
  });
  const compStart = new Int32Array(count + 1);
  for (let u = 0; u < nodes; u++)
    compStart[(comp[u] as number) + 1] = (compStart[(comp[u] as number) + 1] as number) + 1;
  for (let c = 0; c < count; c++) compStart[c + 1] = (compStart[c + 1] as number) + (compStart[c] as number);
  const cursor = compStart.slice(0, count);
  const members = new Int32Array(nodes);
  for (let u = 0; u < nodes; u++) {
    const c = comp[u] as number;
    members[cursor[c] as number] = u;
    cursor[c] = (cursor[c] as number) + 1;
  }
  const contractComp = new Int32Array(m);
  const compRecords = new Float64Array(count);
  const compUndisclosed = new Int32Array(count);
  for (let e = 0; e < m; e++) {
    const c = comp[nodeOf(e)] as number;
    contractComp[e] = c;
    const r = records[e] as number;
    if (Number.isNaN(r)) compUndisclosed[c] = (compUndisclosed[c] as number) + 1;
    else compRecords[c] = (compRecords[c] as number) + r;
  }
  const [consignorStart, consignorEdges] = adjacency(n, from);
  const condensed: Condensed = {
    vendors,
    vendorBit,
    count,
    comp,
    compStart,
    members,
    outStart,
    outTarget,
    records,
    contractComp,
    compRecords,
    compUndisclosed,
    consignorStart,
    consignorEdges,
  };
  // Reach sets are small in outsourcing graphs (a vendor's sub-contractors and theirs): lists of
  // vendor numbers cost what they hold. Bitsets cost components × vendors / 8 bytes whatever
  // they hold (7.5 GB at 10M contracts), so they are the fallback, a batch of vendors at a time.
  return rankBySets(condensed, limits.listEntries) ?? rankByBitsets(condensed, limits.bitsetBytes);
}
