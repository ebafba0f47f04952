import type { BlastRadius } from "../../../domain/index.ts";
import type { ExploreGraph } from "./dataset.ts";

export type Positions = Map<string, { x: number; y: number }>;

const LAYER_GAP = 240;
const ROW_GAP = 26;

/** A tier taller than this many rows is folded into several columns of its own (see layeredPositions). */
export const FOLD_ABOVE = 200;

/** The share of the gap between tiers that a folded tier's columns take. */
const FOLD_BAND = 0.7;

/**
 * A blast radius in layers, at once and roughly: the compromised vendors at the right, each
 * further tier of clients one column to the left, the largest first. What the view shows while the
 * chain layout (chainLayout.ts, in a worker) is on its way, and what a radius too large for
 * that layout keeps.
 *
 * `spread` (a grouped drawing: a few nodes a tier) spreads the tallest tier over the height the
 * view has for the width the tiers take, or they would stand in one thin line. A tier of more than
 * FOLD_ABOVE organisations is folded into columns side by side within its band (largest first, top
 * to bottom, then the next column), so that the drawing stays about as tall as it is wide: a
 * 1,600-organisation tier in one column would make the drawing 25 times taller than wide, and sigma,
 * fitting its height to the view, would squeeze every tier into one vertical smear.
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
  const width = Math.max(1, deepest) * LAYER_GAP;
  const tallest = Math.max(...[...tiers.values()].map((ids) => ids.length));
  const rowGap = spread && tallest > 1 ? width / spread.aspect / (tallest - 1) : ROW_GAP;
  // A folded tier fills the height of the tallest unfolded one, or the width, in square cells.
  const unfolded = Math.max(...[...tiers.values()].map((ids) => (ids.length <= FOLD_ABOVE ? ids.length : 1)));
  const height = Math.max(width, ROW_GAP * (unfolded - 1));
  const positions: Positions = new Map();
  for (const [depth, ids] of tiers) {
    const x = (deepest - depth) * LAYER_GAP;
    if (spread || ids.length <= FOLD_ABOVE) {
      ids.forEach((id, row) => {
        positions.set(id, { x, y: -(row - (ids.length - 1) / 2) * rowGap });
      });
      continue;
    }
    const band = LAYER_GAP * FOLD_BAND;
    const columns = Math.floor(band / Math.sqrt((band * height) / ids.length)) + 1;
    const perColumn = Math.ceil(ids.length / columns);
    const [gapX, gapY] = [columns > 1 ? band / (columns - 1) : 0, height / Math.max(1, perColumn - 1)];
    ids.forEach((id, i) => {
      const column = Math.floor(i / perColumn);
      const row = i - column * perColumn;
      const inColumn = Math.min(perColumn, ids.length - column * perColumn);
      positions.set(id, {
        x: x + (column - (columns - 1) / 2) * gapX,
        y: -(row - (inColumn - 1) / 2) * gapY,
      });
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
