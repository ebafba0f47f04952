import { adjacency } from "./inMemoryArrays.ts";

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
 * Condense it (Tarjan), give every component the set of vendors it reaches as a bitset built
 * children first, then add each node's contracts to every vendor it reaches, and count each
 * consignor once per vendor its contracts reach. A vendor's own contracts are never counted.
 */
export interface RankInput {
  /** Organisation count; organisations are 0..n-1. */
  n: number;
  /** Contract ends and known records (NaN when undisclosed), one entry per contract. */
  from: Int32Array;
  to: Int32Array;
  records: Float64Array;
  /** `carries` as contract numbers: contract e's list is carriesList[carriesStart[e] .. carriesStart[e+1]). */
  carriesStart: Int32Array;
  carriesList: Int32Array;
  /** The organisations to rank (every one with a contract pointing at it). */
  vendors: Int32Array;
}

export interface RankFigures {
  records: Float64Array;
  organisations: Int32Array;
  undisclosedContracts: Int32Array;
}

/** Compressed adjacency from edge lists: the targets of node u are target[start[u] .. start[u+1]). */
function compress(nodes: number, sources: number[], targets: number[]): [Int32Array, Int32Array] {
  const [start, order] = adjacency(nodes, Int32Array.from(sources));
  return [start, Int32Array.from(order, (i) => targets[i] as number)];
}

/** The reach graph: hubs 0..n-1, then one node per scoped or listed contract. */
function reachGraph(input: RankInput) {
  const { n, from, to, carriesStart, carriesList } = input;
  const m = from.length;
  const scoped = (e: number) => (carriesStart[e + 1] as number) > (carriesStart[e] as number);
  const special = new Int32Array(m).fill(-1);
  let nodes = n;
  for (let e = 0; e < m; e++) {
    if (scoped(e) && special[e] === -1) special[e] = nodes++;
    for (let i = carriesStart[e] as number; i < (carriesStart[e + 1] as number); i++) {
      const listed = carriesList[i] as number;
      if (listed >= 0 && special[listed] === -1) special[listed] = nodes++;
    }
  }
  /** The node whose reach is contract e's. */
  const nodeOf = (e: number) => (special[e] === -1 ? (to[e] as number) : (special[e] as number));
  const sources: number[] = [];
  const targets: number[] = [];
  for (let e = 0; e < m; e++) {
    if (!scoped(e)) {
      sources.push(from[e] as number);
      targets.push(nodeOf(e));
    }
    if (special[e] !== -1) {
      sources.push(special[e] as number);
      targets.push(to[e] as number);
    }
    for (let i = carriesStart[e] as number; i < (carriesStart[e + 1] as number); i++) {
      const listed = carriesList[i] as number;
      if (listed >= 0) {
        sources.push(special[listed] as number);
        targets.push(special[e] as number);
      }
    }
  }
  const [outStart, outTarget] = compress(nodes, sources, targets);
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

export function rankAll(input: RankInput): RankFigures {
  const { n, from, records, vendors } = input;
  const m = from.length;
  const { nodes, nodeOf, outStart, outTarget } = reachGraph(input);
  const { comp, count } = stronglyConnected(nodes, outStart, outTarget);

  // Vendors get a bit each, set on their hub's component.
  const words = Math.max(1, Math.ceil(vendors.length / 32));
  const reach = new Uint32Array(count * words);
  const vendorBit = new Int32Array(n).fill(-1);
  vendors.forEach((v, t) => {
    vendorBit[v] = t;
    const base = (comp[v] as number) * words;
    reach[base + (t >>> 5)] = (reach[base + (t >>> 5)] as number) | (1 << (t & 31));
  });

  // Components in Tarjan's order are children first: OR each child's bits into its parents.
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

  // Each component's contracts (known records, undisclosed ones) go to every vendor it reaches.
  const compRecords = new Float64Array(count);
  const compUndisclosed = new Int32Array(count);
  for (let e = 0; e < m; e++) {
    const c = comp[nodeOf(e)] as number;
    const r = records[e] as number;
    if (Number.isNaN(r)) compUndisclosed[c] = (compUndisclosed[c] as number) + 1;
    else compRecords[c] = (compRecords[c] as number) + r;
  }
  const out: RankFigures = {
    records: new Float64Array(vendors.length),
    organisations: new Int32Array(vendors.length),
    undisclosedContracts: new Int32Array(vendors.length),
  };
  const forEachBit = (base: number, visit: (t: number) => void) => {
    for (let w = 0; w < words; w++) {
      let bits = reach[base + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        visit(w * 32 + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
  };
  for (let c = 0; c < count; c++) {
    if (compRecords[c] === 0 && compUndisclosed[c] === 0) continue;
    forEachBit(c * words, (t) => {
      out.records[t] = (out.records[t] as number) + (compRecords[c] as number);
      out.undisclosedContracts[t] = (out.undisclosedContracts[t] as number) + (compUndisclosed[c] as number);
    });
  }

  // Per consignor: the vendors any of its contracts reaches, each counted once; a vendor's own
  // contracts come off its sums (it is compromised, so they are never counted).
  const [consignorStart, consignorEdges] = adjacency(n, from);
  const union = new Uint32Array(words);
  for (let a = 0; a < n; a++) {
    const start = consignorStart[a] as number;
    const end = consignorStart[a + 1] as number;
    if (start === end) continue;
    union.fill(0);
    const own = vendorBit[a] as number;
    for (let i = start; i < end; i++) {
      const e = consignorEdges[i] as number;
      const base = (comp[nodeOf(e)] as number) * words;
      for (let w = 0; w < words; w++) union[w] = (union[w] as number) | (reach[base + w] as number);
      if (own !== -1 && ((reach[base + (own >>> 5)] as number) & (1 << (own & 31))) !== 0) {
        const r = records[e] as number;
        if (Number.isNaN(r)) out.undisclosedContracts[own] = (out.undisclosedContracts[own] as number) - 1;
        else out.records[own] = (out.records[own] as number) - r;
      }
    }
    for (let w = 0; w < words; w++) {
      let bits = union[w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        const t = w * 32 + (31 - Math.clz32(low));
        bits ^= low;
        if (t !== own) out.organisations[t] = (out.organisations[t] as number) + 1;
      }
    }
  }
  return out;
}
