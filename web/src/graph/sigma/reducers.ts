import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import {
  CHAIN_EDGE_COLOUR,
  CHANGED_COLOUR,
  COMPROMISED_COLOUR,
  COUNTED_EDGE_COLOUR,
  DIMMED_COLOUR,
  depthColour,
  ENTERED_COLOUR,
  POSSIBLE_EDGE_COLOUR,
} from "../appearance.ts";
import type { ContractAttributes, OrgAttributes } from "../dataset.ts";
import { groupDrawnLabel, isGroupNode } from "../groups.ts";
import type { Highlight } from "./highlight.ts";

/** What the reducer hands sigma: `label` null when the organisation is drawn unnamed. */
type NodeData = Partial<NodeDisplayData> & Omit<OrgAttributes, "label"> & { label: string | null };
type EdgeData = Partial<EdgeDisplayData> & ContractAttributes;

/**
 * Longest label drawn beside a node, in columns (see `columns`): about 250 px of sigma's 14 px
 * labels, 18 Japanese characters or some 35 Latin letters, so that a tier's names end before the
 * next tier at 1440×900; the tooltip tells the whole name.
 */
const LABEL_COLUMNS = 36;

/** A group's label: tiers of groups stand closer than tiers of organisations. */
const GROUP_LABEL_COLUMNS = 18;

/**
 * The columns a character takes: two for the wide scripts (kanji, kana, hangul, full-width forms),
 * which the label font draws about as wide as two Latin letters, else one. Counting characters
 * alone let a Japanese name run twice as far as an English one, across the next tier.
 */
export function columns(char: string): number {
  const c = char.codePointAt(0) ?? 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000;
  return wide ? 2 : 1;
}

/** A label cut to what fits between two tiers: at most `limit` columns, "…" included when cut. */
export function shortLabel(label: string, limit = LABEL_COLUMNS): string {
  let used = 0;
  // Where the text stops when it is cut: the last character that leaves a column for "…".
  let end = 0;
  for (const char of label) {
    used += columns(char);
    if (used > limit) return `${label.slice(0, end)}…`;
    if (used <= limit - 1) end += char.length;
  }
  return label;
}

/** A counted contract's width: by its records on a log scale (1.5 million ≈ 5 px, undisclosed 1 px). */
export function contractWidth(records: number | null): number {
  return 1 + Math.log10(1 + Math.max(0, records ?? 0)) * 0.65;
}

/**
 * The text drawn beside an organisation when it is named: cut to what fits between two tiers, a
 * group's title alone; "" when it is not drawn at all (outside the radius and off the focused chain).
 */
export function drawnLabel(h: Highlight, node: string, label: string): string {
  if (h.chainNodes.has(node)) return shortLabel(label);
  if (!h.depthOf) return label;
  if (h.compromised.has(node)) return shortLabel(label);
  if (!h.depthOf.has(node)) return "";
  return isGroupNode(node) ? shortLabel(groupDrawnLabel(label), GROUP_LABEL_COLUMNS) : shortLabel(label);
}

/** The organisations named in the view now (see LabelsController); null: sigma decides, as it would. */
export interface LabelPlacement {
  placed: Set<string> | null;
}

/**
 * How an organisation is drawn under a highlight: a blast radius coloured by depth, the names a
 * chain needs always labelled, and the rest hidden; the focused chain on top. With a placement,
 * exactly the organisations it placed are named (forced) and the others drawn unnamed, so that no
 * two names overlap. Only lookups in the highlight's sets, once per node and frame.
 */
export function nodeReducer(
  h: Highlight,
  placement: LabelPlacement | null = null,
): (node: string, data: OrgAttributes) => NodeData {
  return (node, data) => {
    const out: NodeData = { ...data, label: drawnLabel(h, node, data.label) };
    if (h.depthOf) {
      const depth = h.depthOf.get(node);
      if (h.compromised.has(node))
        Object.assign(out, {
          color: COMPROMISED_COLOUR,
          zIndex: 3,
          forceLabel: true,
        });
      else if (depth !== undefined)
        Object.assign(out, {
          color: depthColour(depth),
          zIndex: 2,
          forceLabel: h.labelled.has(node),
        });
      else Object.assign(out, { color: DIMMED_COLOUR, zIndex: 0, hidden: true });
    }
    // Since an earlier answer: who entered and whose figures changed stand out from the depth ramp.
    if (h.entered.has(node)) Object.assign(out, { color: ENTERED_COLOUR, forceLabel: true, zIndex: 3 });
    else if (h.changed.has(node)) Object.assign(out, { color: CHANGED_COLOUR, forceLabel: true, zIndex: 3 });
    // The focused chain is labelled and shown even outside the radius (a spared organisation that was focused).
    if (h.chainNodes.has(node))
      Object.assign(out, {
        highlighted: true,
        forceLabel: true,
        zIndex: 4,
        hidden: false,
      });
    if (node === h.focus) out.highlighted = true;
    // Affected only through contracts nobody has confirmed: hollow (a radius drawn as points excepted).
    if (h.affected.get(node)?.confirmed === false) out.type = HOLLOW_NODE_TYPE;
    // Thousands of points at full size would merge into bars: a third of it (they grow as one zooms in).
    if (h.pointNodes)
      Object.assign(out, { type: POINT_NODE_TYPE, size: Math.max(1.5, data.size * POINT_SCALE) });
    if (placement?.placed) {
      const named = placement.placed.has(node);
      out.forceLabel = named;
      if (!named) out.label = null;
    }
    return out;
  };
}

/**
 * Contracts: the focused chain and the selected contract thick and red; in a radius, only the
 * counted ones, as wide as their records (plain lines past PLAIN_CONTRACTS_ABOVE), those of
 * undisclosed records thin and dashed.
 */
export function edgeReducer(h: Highlight): (edge: string, data: ContractAttributes) => EdgeData {
  return (edge, data) => {
    const out: EdgeData = { ...data };
    if (h.chainEdges.has(edge) || edge === h.selectedEdge)
      Object.assign(out, { color: CHAIN_EDGE_COLOUR, size: data.size * 3, zIndex: 3 });
    else if (h.depthOf)
      Object.assign(
        out,
        h.counted.has(edge)
          ? h.plainContracts
            ? { color: COUNTED_EDGE_COLOUR, size: 1, zIndex: 2, type: PLAIN_EDGE_TYPE }
            : { color: COUNTED_EDGE_COLOUR, size: contractWidth(data.records), zIndex: 2 }
          : { hidden: true },
      );
    if (data.records === null && !out.hidden) (out as { type: string }).type = UNDISCLOSED_EDGE_TYPE;
    // A contract nobody has confirmed: dotted (over dashed) and pale, dark on the focused chain.
    if (!out.hidden && h.contracts.get(edge)?.confidence === "possible")
      Object.assign(out, {
        type: POSSIBLE_EDGE_TYPE,
        color: out.color === CHAIN_EDGE_COLOUR ? CHAIN_EDGE_COLOUR : POSSIBLE_EDGE_COLOUR,
      });
    return out;
  };
}

/** The edge program of contracts whose records are undisclosed (SigmaContainer registers it). */
export const UNDISCLOSED_EDGE_TYPE = "undisclosed";

/** The programs of possible contracts and of organisations reached only through them (possible.ts). */
export const POSSIBLE_EDGE_TYPE = "possible";
export const HOLLOW_NODE_TYPE = "hollow";

/** How much smaller an organisation is drawn in a radius drawn as points. */
const POINT_SCALE = 0.35;

/** The node program of organisations in a large radius (see POINT_NODES_ABOVE). */
export const POINT_NODE_TYPE = "point";

/** The edge program of plain 1 px contracts in a large radius (see PLAIN_CONTRACTS_ABOVE). */
export const PLAIN_EDGE_TYPE = "plain";
