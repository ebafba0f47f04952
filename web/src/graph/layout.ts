import type { BlastRadius } from "../../../domain/index.ts";
import type { ExploreGraph } from "./dataset.ts";

export type Positions = Map<string, { x: number; y: number }>;

const LAYER_GAP = 240;
const ROW_GAP = 26;

/**
 * A blast radius in layers, at once and roughly: the compromised vendors at the right, each
 * further tier of clients one column to the left, the largest first. What the view shows while the
 * chain layout (layout/chainLayout.ts, in a worker) is on its way.
 */
export function layeredPositions(
  graph: ExploreGraph,
  impact: BlastRadius,
  spread?: { aspect: number },
): Positions {
  const tiers = new Map<number, string[]>();
  tiers.set(
    0,
    impact.compromised.map((c) => c.id),
  );
  for (const org of impact.affected) {
    const tier = tiers.get(org.depth) ?? [];
    tier.push(org.id);
    tiers.set(org.depth, tier);
  }
  const deepest = Math.max(...tiers.keys());
  // Spread: the tallest tier spans the height the view has for the width the tiers take (a few
  // nodes a tier, as a grouped drawing has, would otherwise stand in one thin line).
  const tallest = Math.max(...[...tiers.values()].map((ids) => ids.length));
  const rowGap =
    spread && tallest > 1 ? (Math.max(1, deepest) * LAYER_GAP) / spread.aspect / (tallest - 1) : ROW_GAP;
  const positions: Positions = new Map();
  for (const [depth, ids] of tiers) {
    ids.forEach((id, row) => {
      positions.set(id, { x: (deepest - depth) * LAYER_GAP, y: -(row - (ids.length - 1) / 2) * rowGap });
    });
  }
  return withTheRestInside(graph, positions);
}

/**
 * Positions for every organisation of the graph: those of the radius where `radius` puts them,
 * the rest (hidden while a radius is shown) in its middle, so that they never widen the frame
 * sigma fits to the view.
 */
export function withTheRestInside(
  graph: ExploreGraph,
  radius: Positions | Record<string, { x: number; y: number }>,
): Positions {
  const positions: Positions = radius instanceof Map ? new Map(radius) : new Map(Object.entries(radius));
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of positions.values()) {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  const middle = positions.size > 0 ? { x: (minX + maxX) / 2, y: (minY + maxY) / 2 } : { x: 0, y: 0 };
  for (const id of [...positions.keys()]) if (!graph.hasNode(id)) positions.delete(id);
  graph.forEachNode((id) => {
    if (!positions.has(id)) positions.set(id, middle);
  });
  return positions;
}

/** A starting point for ForceAtlas2: a circle, deterministic, so the layout is the same each time. */
export function circlePositions(graph: ExploreGraph, order: string[] = graph.nodes()): Positions {
  const positions: Positions = new Map();
  const n = order.length;
  order.forEach((id, i) => {
    positions.set(id, { x: 100 * Math.cos((2 * Math.PI * i) / n), y: 100 * Math.sin((2 * Math.PI * i) / n) });
  });
  return positions;
}

/**
 * Where organisations that join a laid-out graph start: in a small ring around a neighbour that
 * was already there (ForceAtlas2 then settles them), or at the middle when they have none.
 */
export function besideNeighbours(graph: ExploreGraph, added: string[]): Positions {
  const fresh = new Set(added);
  const positions: Positions = new Map();
  added.forEach((id, i) => {
    const anchor = graph.findNeighbor(id, (neighbour) => !fresh.has(neighbour));
    const at = anchor ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
    const angle = (2 * Math.PI * i) / Math.max(1, added.length);
    positions.set(id, { x: at.x + 10 * Math.cos(angle), y: at.y + 10 * Math.sin(angle) });
  });
  return positions;
}

/** Moves every organisation named in `positions` there; one graph event. */
export function applyPositions(graph: ExploreGraph, positions: Positions): void {
  graph.updateEachNodeAttributes(
    (id, attributes) => {
      const p = positions.get(id);
      return p ? { ...attributes, x: p.x, y: p.y } : attributes;
    },
    { attributes: ["x", "y"] },
  );
}
