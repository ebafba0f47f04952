/**
 * Every vendor's plain-compromise figures at once, exactly (docs/blast-radius.md#vendor-ranking), in about O(E · V/32).
 *
 * For a vendor v, the counted contracts are the contracts a→b whose contractor b reaches v (or
 * is v), except v's own. So with R(v) = {organisations that reach v} ∪ {v}:
 *   records(v)       = Σ_{b ∈ R(v)} inRecords(b) − (records of v's contracts into R(v))
 *   organisations(v) = |R(v)| − 1
 * and v's contracts into R(v) are exactly those that stay inside v's strongly connected
 * component. R(v) is the union of the components upstream of v's component in the condensed
 * DAG, so: condense (Tarjan), then for every component the set of vendor components it reaches,
 * as a bitset built children-first, then add each component's weight to every vendor it reaches.
 */
export interface RankInput {
  /** Node count; nodes are 0..n-1. */
  n: number;
  /** Contract endpoints and figures, one entry per contract. */
  from: Int32Array;
  to: Int32Array;
  /** Known records, or NaN when undisclosed. */
  records: Float64Array;
  /** The nodes to rank (every node with a contract pointing at it). */
  vendors: Int32Array;
}

export interface RankFigures {
  records: Float64Array;
  organisations: Int32Array;
  undisclosedContracts: Int32Array;
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
  const { n, from, to, records, vendors } = input;
  const m = from.length;
  // Out-adjacency in CSR form, edges sorted by source.
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++)
    outStart[(from[e] as number) + 1] = (outStart[(from[e] as number) + 1] as number) + 1;
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
  const fill = outStart.slice(0, n);
  const outTarget = new Int32Array(m);
  const outEdge = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const source = from[e] as number;
    const slot = fill[source] as number;
    fill[source] = slot + 1;
    outTarget[slot] = to[e] as number;
    outEdge[slot] = e;
  }
  const { comp, count } = stronglyConnected(n, outStart, outTarget);

  // Per component: size and the records (known, undisclosed) of contracts pointing into it.
  const compSize = new Int32Array(count);
  const compRecords = new Float64Array(count);
  const compUndisclosed = new Int32Array(count);
  for (let i = 0; i < n; i++) compSize[comp[i] as number] = (compSize[comp[i] as number] as number) + 1;
  for (let e = 0; e < m; e++) {
    const c = comp[to[e] as number] as number;
    const r = records[e] as number;
    if (Number.isNaN(r)) compUndisclosed[c] = (compUndisclosed[c] as number) + 1;
    else compRecords[c] = (compRecords[c] as number) + r;
  }

  // Vendor components get a bit each.
  const targetOf = new Int32Array(count).fill(-1);
  let targets = 0;
  for (const v of vendors) if (targetOf[comp[v] as number] === -1) targetOf[comp[v] as number] = targets++;
  const words = Math.max(1, Math.ceil(targets / 32));
  const reach = new Uint32Array(count * words);

  // Nodes grouped by component, to walk components in Tarjan's (children-first) order.
  const compStart = new Int32Array(count + 1);
  for (let i = 0; i < n; i++)
    compStart[(comp[i] as number) + 1] = (compStart[(comp[i] as number) + 1] as number) + 1;
  for (let c = 0; c < count; c++) compStart[c + 1] = (compStart[c + 1] as number) + (compStart[c] as number);
  const cursor = compStart.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = comp[i] as number;
    const slot = cursor[c] as number;
    cursor[c] = slot + 1;
    members[slot] = i;
  }
  const lastSeen = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) {
    const base = c * words;
    const t = targetOf[c] as number;
    if (t !== -1) reach[base + (t >>> 5)] = (reach[base + (t >>> 5)] as number) | (1 << (t & 31));
    for (let k = compStart[c] as number; k < (compStart[c + 1] as number); k++) {
      const u = members[k] as number;
      for (let e = outStart[u] as number; e < (outStart[u + 1] as number); e++) {
        const d = comp[outTarget[e] as number] as number;
        if (d === c || lastSeen[d] === c) continue;
        lastSeen[d] = c;
        const child = d * words;
        for (let w = 0; w < words; w++)
          reach[base + w] = (reach[base + w] as number) | (reach[child + w] as number);
      }
    }
  }

  // Every component adds its weight to every vendor component it reaches.
  const sumRecords = new Float64Array(targets);
  const sumSize = new Int32Array(targets);
  const sumUndisclosed = new Int32Array(targets);
  for (let c = 0; c < count; c++) {
    const base = c * words;
    for (let w = 0; w < words; w++) {
      let bits = reach[base + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        const t = w * 32 + (31 - Math.clz32(low));
        bits ^= low;
        sumRecords[t] = (sumRecords[t] as number) + (compRecords[c] as number);
        sumSize[t] = (sumSize[t] as number) + (compSize[c] as number);
        sumUndisclosed[t] = (sumUndisclosed[t] as number) + (compUndisclosed[c] as number);
      }
    }
  }

  const out: RankFigures = {
    records: new Float64Array(vendors.length),
    organisations: new Int32Array(vendors.length),
    undisclosedContracts: new Int32Array(vendors.length),
  };
  vendors.forEach((v, i) => {
    const c = comp[v] as number;
    const t = targetOf[c] as number;
    // The vendor's own contracts into its component are not counted (it is compromised).
    let ownRecords = 0;
    let ownUndisclosed = 0;
    for (let e = outStart[v] as number; e < (outStart[v + 1] as number); e++) {
      if (comp[outTarget[e] as number] !== c) continue;
      const r = records[outEdge[e] as number] as number;
      if (Number.isNaN(r)) ownUndisclosed += 1;
      else ownRecords += r;
    }
    out.records[i] = (sumRecords[t] as number) - ownRecords;
    out.organisations[i] = (sumSize[t] as number) - 1;
    out.undisclosedContracts[i] = (sumUndisclosed[t] as number) - ownUndisclosed;
  });
  return out;
}
