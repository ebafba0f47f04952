import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import {
  CHAIN_EDGE_COLOUR,
  COMPROMISED_COLOUR,
  COUNTED_EDGE_COLOUR,
  DIMMED_COLOUR,
  depthColour,
} from "../graph/appearance.ts";
import type { ContractAttributes, OrgAttributes } from "../graph/dataset.ts";
import type { Highlight } from "./highlight.ts";

type NodeData = Partial<NodeDisplayData> & OrgAttributes;
type EdgeData = Partial<EdgeDisplayData> & ContractAttributes;

/**
 * How an organisation is drawn under a highlight: a blast radius coloured by depth and the rest
 * dimmed, the focused chain on top. Only lookups in the highlight's sets, once per node and frame.
 */
export function nodeReducer(h: Highlight): (node: string, data: OrgAttributes) => NodeData {
  return (node, data) => {
    const out: NodeData = { ...data };
    if (h.depthOf) {
      const depth = h.depthOf.get(node);
      if (h.compromised.has(node))
        Object.assign(out, { color: COMPROMISED_COLOUR, zIndex: 3, forceLabel: true });
      else if (depth !== undefined) Object.assign(out, { color: depthColour(depth), zIndex: 2 });
      else Object.assign(out, { color: DIMMED_COLOUR, label: "", zIndex: 0 });
    }
    // The focused chain is labelled even outside the radius (a spared organisation that was focused).
    if (h.chainNodes.has(node))
      Object.assign(out, { label: data.label, highlighted: true, forceLabel: true, zIndex: 4 });
    if (node === h.focus) out.highlighted = true;
    return out;
  };
}

/** Contracts: the focused chain and the selected contract thick and red; in a radius, only the counted ones. */
export function edgeReducer(h: Highlight): (edge: string, data: ContractAttributes) => EdgeData {
  return (edge, data) => {
    const out: EdgeData = { ...data };
    if (h.chainEdges.has(edge) || edge === h.selectedEdge)
      Object.assign(out, { color: CHAIN_EDGE_COLOUR, size: data.size * 3, zIndex: 3 });
    else if (h.depthOf)
      Object.assign(out, h.counted.has(edge) ? { color: COUNTED_EDGE_COLOUR, zIndex: 2 } : { hidden: true });
    return out;
  };
}
