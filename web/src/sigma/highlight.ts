import type { BlastRadius } from "../../../domain/index.ts";

/**
 * What the reducers look up: plain sets and maps computed once per answer or click, so that
 * drawing a frame is only `has` lookups (the sigma.js demo's pattern).
 */
export interface Highlight {
  /** Depth of every affected organisation; null when no vendor is compromised. */
  depthOf: Map<string, number> | null;
  compromised: Set<string>;
  /** Counted contracts of the blast radius. */
  counted: Set<string>;
  /** The focused organisation's chain to the compromised vendor. */
  chainNodes: Set<string>;
  chainEdges: Set<string>;
  focus: string | null;
  selectedEdge: string | null;
}

export const NO_HIGHLIGHT: Highlight = {
  depthOf: null,
  compromised: new Set(),
  counted: new Set(),
  chainNodes: new Set(),
  chainEdges: new Set(),
  focus: null,
  selectedEdge: null,
};

/**
 * The chain of one organisation: the organisations of its path and exactly the contracts of its
 * `chain` (each carrying the one before), not every contract between two organisations of the path.
 */
function chainOf(impact: BlastRadius, focus: string): { nodes: Set<string>; edges: Set<string> } {
  const org = impact.affected.find((a) => a.id === focus);
  if (!org) return { nodes: new Set([focus]), edges: new Set() };
  return { nodes: new Set(org.path), edges: new Set(org.chain) };
}

export function computeHighlight(
  impact: BlastRadius | null,
  focus: string | null,
  selectedEdge: string | null,
): Highlight {
  if (!impact)
    return { ...NO_HIGHLIGHT, focus, selectedEdge, chainNodes: focus ? new Set([focus]) : new Set() };
  const chain = focus ? chainOf(impact, focus) : { nodes: new Set<string>(), edges: new Set<string>() };
  return {
    depthOf: new Map(impact.affected.map((a) => [a.id, a.depth])),
    compromised: new Set(impact.compromised.map((c) => c.id)),
    counted: new Set(impact.contracts.map((c) => c.id)),
    chainNodes: chain.nodes,
    chainEdges: chain.edges,
    focus,
    selectedEdge,
  };
}
