import {
  type AffectedOrganisation,
  type BlastRadius,
  byRecordsThenId,
  type Changes,
  type CountedContract,
  undisclosedPersons,
} from "../../../../domain/index.ts";
import { isGroupNode } from "../groups.ts";

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
  /** So many contracts are drawn that they are drawn as plain lines (see PLAIN_CONTRACTS_ABOVE). */
  plainContracts: boolean;
  /** So many organisations are drawn that they are drawn as points (see POINT_NODES_ABOVE). */
  pointNodes: boolean;
  /** The focused organisation's chain to the compromised vendor. */
  chainNodes: Set<string>;
  chainEdges: Set<string>;
  focus: string | null;
  selectedEdge: string | null;
  /** Always labelled: the compromised, the intermediaries and the largest affected organisations. */
  labelled: Set<string>;
  /** The answer's facts by id, for tooltips. */
  affected: Map<string, AffectedOrganisation>;
  contracts: Map<string, CountedContract>;
  /** Per affected organisation, its counted contracts without a count of persons. */
  personsUnknown: Map<string, number>;
  /** Since an earlier answer: organisations affected now and not then, and those whose figures changed. */
  entered: Set<string>;
  changed: Set<string>;
}

/**
 * Past this many drawn contracts, those off the focused chain are drawn as plain 1 px lines. sigma's
 * arrows are wide quads with heads, and a software renderer (no GPU, as on this machine and many
 * analysts' virtual desktops) pays for every one on every frame, hidden or not: at 6,000 contracts
 * (a 5,000-organisation radius) plain lines take the first picture from about 2.0 s to 1.3 s. The
 * tiers already say which way data flows (left to right); undisclosed ones stay dashed and the
 * focused chain keeps its arrows.
 */
export const PLAIN_CONTRACTS_ABOVE = 2000;

/**
 * Past this many drawn organisations, they are drawn as WebGL points (one vertex each) instead of
 * sigma's circles (a triangle each, drawn twice with picking): the same discs, and panning a
 * 5,000-organisation radius under a software renderer goes from frames of 67–83 ms to 17–33 ms
 * (p50). A point whose centre leaves the view leaves with it, which only shows at the view's edge.
 */
export const POINT_NODES_ABOVE = 2000;

/** How many of the largest affected organisations are always labelled. */
export const LABELLED_LARGEST = 15;

export const NO_HIGHLIGHT: Highlight = {
  depthOf: null,
  compromised: new Set(),
  counted: new Set(),
  plainContracts: false,
  pointNodes: false,
  chainNodes: new Set(),
  chainEdges: new Set(),
  focus: null,
  selectedEdge: null,
  labelled: new Set(),
  affected: new Map(),
  contracts: new Map(),
  personsUnknown: new Map(),
  entered: new Set(),
  changed: new Set(),
};

/**
 * The organisations whose names a chain cannot be read without: the compromised ones, the
 * intermediaries (contractors of a counted contract, which pass others' data on) and the
 * `LABELLED_LARGEST` affected ones with the most records. In a radius drawn as points (thousands
 * of organisations, hundreds of them intermediaries, the largest side by side at the top of their
 * tiers) forced names would be drawn over each other: there only the compromised are, and sigma
 * names the others as one zooms in (and the table lists them).
 */
export function alwaysLabelled(impact: BlastRadius): Set<string> {
  const labelled = new Set(impact.compromised.map((c) => c.id));
  if (impact.affected.length > POINT_NODES_ABOVE) return labelled;
  for (const c of impact.contracts) labelled.add(c.contractor);
  // Drawn as groups, the tiers stand close: the largest group of each tier (the one the next tier
  // points at) is named, the others when there is room or on hover.
  if (impact.affected.some((a) => isGroupNode(a.id))) return labelled;
  const largest = impact.affected
    .filter((a) => a.records > 0)
    .sort(byRecordsThenId)
    .slice(0, LABELLED_LARGEST);
  for (const a of largest) labelled.add(a.id);
  return labelled;
}

/**
 * The chain of one organisation: the organisations of its path and exactly the contracts of its
 * `chain` (each carrying the one before), not every contract between two organisations of the path.
 */
function chainOf(base: Highlight, focus: string): { nodes: Set<string>; edges: Set<string> } {
  const org = base.affected.get(focus);
  if (!org) return { nodes: new Set([focus]), edges: new Set() };
  return { nodes: new Set(org.path), edges: new Set(org.chain) };
}

/** The part of the highlight an answer (and its changes) decides, before any click: once per answer. */
export function answerHighlight(impact: BlastRadius | null, changes: Changes | null = null): Highlight {
  if (!impact) return NO_HIGHLIGHT;
  return {
    depthOf: new Map(impact.affected.map((a) => [a.id, a.depth])),
    compromised: new Set(impact.compromised.map((c) => c.id)),
    counted: new Set(impact.contracts.map((c) => c.id)),
    plainContracts: impact.contracts.length > PLAIN_CONTRACTS_ABOVE,
    pointNodes: impact.affected.length > POINT_NODES_ABOVE,
    chainNodes: NO_HIGHLIGHT.chainNodes,
    chainEdges: NO_HIGHLIGHT.chainEdges,
    focus: null,
    selectedEdge: null,
    labelled: alwaysLabelled(impact),
    affected: new Map(impact.affected.map((a) => [a.id, a])),
    contracts: new Map(impact.contracts.map((c) => [c.id, c])),
    personsUnknown: undisclosedPersons(impact.contracts),
    entered: new Set(changes?.entered ?? []),
    changed: new Set(changes?.changed.map((c) => c.id) ?? []),
  };
}

/** The answer's highlight with a click's part: the focused organisation's chain, the selected contract. */
export function withSelection(base: Highlight, focus: string | null, selectedEdge: string | null): Highlight {
  const chain = focus ? chainOf(base, focus) : { nodes: new Set<string>(), edges: new Set<string>() };
  return { ...base, chainNodes: chain.nodes, chainEdges: chain.edges, focus, selectedEdge };
}

/** The whole highlight at once (`answerHighlight` then `withSelection`). */
export function computeHighlight(
  impact: BlastRadius | null,
  focus: string | null,
  selectedEdge: string | null,
  changes: Changes | null = null,
): Highlight {
  return withSelection(answerHighlight(impact, changes), focus, selectedEdge);
}
