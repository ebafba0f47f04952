import type { BlastRadius } from "../../../domain/index.ts";
import type { ExploreGraph } from "./dataset.ts";

const LAYER_GAP = 240;
const ROW_GAP = 26;

/**
 * A blast radius in layers: the compromised vendors at the right, each further tier of clients
 * one column to the left, so chains read left to right. Within a tier, the largest first.
 * Organisations outside the radius sit in a grey block beneath it.
 */
export function layeredPositions(
  graph: ExploreGraph,
  impact: BlastRadius,
): Map<string, { x: number; y: number }> {
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
  const positions = new Map<string, { x: number; y: number }>();
  let tallest = 0;
  for (const [depth, ids] of tiers) {
    tallest = Math.max(tallest, ids.length);
    ids.forEach((id, row) => {
      positions.set(id, { x: (deepest - depth) * LAYER_GAP, y: -(row - (ids.length - 1) / 2) * ROW_GAP });
    });
  }
  const rest = graph.filterNodes((id) => !positions.has(id));
  const columns = Math.max(1, Math.ceil(Math.sqrt(rest.length * 3)));
  rest.forEach((id, i) => {
    positions.set(id, {
      x: (i % columns) * ((deepest * LAYER_GAP) / Math.max(1, columns - 1) || ROW_GAP),
      y: -((tallest / 2) * ROW_GAP + 120 + Math.floor(i / columns) * ROW_GAP * 1.5),
    });
  });
  return positions;
}

/** A starting point for ForceAtlas2: a circle, deterministic, so the layout is the same each time. */
export function circlePositions(graph: ExploreGraph): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const n = graph.order;
  graph.forEachNode((id, _a) => {
    const i = positions.size;
    positions.set(id, { x: 100 * Math.cos((2 * Math.PI * i) / n), y: 100 * Math.sin((2 * Math.PI * i) / n) });
  });
  return positions;
}
