import dagre from "@dagrejs/dagre";

/** What the chain layout needs of a blast radius: plain data, so that it crosses to a worker. */
export interface ChainLayoutInput {
  /** Every organisation drawn: the compromised ones at depth 0, the affected at their depth. */
  nodes: { id: string; depth: number; size: number }[];
  /** The counted contracts, consignor → contractor. */
  edges: { source: string; target: string }[];
  /** Width over height of the view the layout is drawn in (the tiers fill the width). */
  aspect: number;
}

export type ChainPositions = Record<string, { x: number; y: number }>;

/** Graph units between two tiers (sigma rescales the whole to the view). */
export const TIER_GAP = 240;
const SINK = "\u0000sink";

/**
 * The height dagre gives an organisation, in graph units that end up near a pixel each at
 * 1440×900: at least one row of a name (sigma's 14 px labels, 17 px tall, and a gap), more for a
 * disc larger than that, so that a tier of small organisations has room for every name.
 */
const ROW = 19;

/**
 * A blast radius in tiers, read left to right: each depth is a column, the compromised vendors in
 * the rightmost, each further tier of clients one column to the left. Dagre orders the
 * organisations within a tier so that contracts cross as little as it can; an organisation is
 * given room by its size and its name (ROW). Pure: the worker and the synchronous fallback run exactly this.
 */
export function chainLayout(input: ChainLayoutInput): ChainPositions {
  const depthOf = new Map(input.nodes.map((n) => [n.id, n.depth]));
  const deepest = Math.max(0, ...input.nodes.map((n) => n.depth));
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: "LR", nodesep: 2, ranksep: 120, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { width: 10, height: Math.max(ROW, 2 * n.size) });
  // One sink right of every compromised vendor: all of them share the rightmost tier.
  g.setNode(SINK, { width: 1, height: 1 });
  const linked = new Set<string>();
  for (const { source, target } of input.edges) {
    const from = depthOf.get(source);
    const to = depthOf.get(target);
    // Only contracts one tier long shape the layout (with them every rank is its depth exactly);
    // the others are drawn all the same.
    if (from === undefined || to === undefined || from !== to + 1 || source === target) continue;
    g.setEdge(source, target, { minlen: 1, weight: 1 });
    linked.add(source);
  }
  for (const n of input.nodes) {
    if (n.depth === 0) g.setEdge(n.id, SINK, { minlen: 1, weight: 1 });
    // An organisation whose nearer contractor is not drawn still sits in its own tier.
    else if (!linked.has(n.id)) g.setEdge(n.id, SINK, { minlen: n.depth + 1, weight: 0 });
  }
  dagre.layout(g);

  const placed = input.nodes.map((n) => ({ id: n.id, depth: n.depth, y: -(g.node(n.id).y ?? 0) }));
  const ys = placed.map((p) => p.y);
  const low = Math.min(...ys);
  const high = Math.max(...ys);
  // The tallest tier spans the height the view has for the width the tiers take.
  const wanted = (deepest * TIER_GAP) / Math.max(0.2, input.aspect);
  const scale = high > low && wanted > 0 ? wanted / (high - low) : 1;
  const middle = (high + low) / 2;
  const positions: ChainPositions = {};
  for (const p of placed) positions[p.id] = { x: (deepest - p.depth) * TIER_GAP, y: (p.y - middle) * scale };
  return positions;
}
