import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { useEffect, useRef } from "react";
import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import {
  CHAIN_EDGE_COLOUR,
  COMPROMISED_COLOUR,
  COUNTED_EDGE_COLOUR,
  DIMMED_COLOUR,
  depthColour,
} from "../graph/appearance.ts";
import type { ContractAttributes, ExploreGraph, OrgAttributes } from "../graph/dataset.ts";
import type { Highlight } from "./highlight.ts";

export interface GraphViewProps {
  graph: ExploreGraph;
  highlight: Highlight;
  /** Run ForceAtlas2 (overview) or keep the positions given (layered blast radius). */
  forceLayout: boolean;
  onNodeClick: (id: string) => void;
  onEdgeClick: (id: string) => void;
  onReady?: (sigma: Sigma<OrgAttributes, ContractAttributes>) => void;
}

type NodeData = Partial<NodeDisplayData> & OrgAttributes;
type EdgeData = Partial<EdgeDisplayData> & ContractAttributes;

/**
 * The sigma view of the one graph. Appearance comes from reducers that read the highlight
 * through a ref, so a new highlight costs a refresh without re-indexing, never a graph rewrite.
 */
export function GraphView({
  graph,
  highlight,
  forceLayout,
  onNodeClick,
  onEdgeClick,
  onReady,
}: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<OrgAttributes, ContractAttributes> | null>(null);
  const highlightRef = useRef(highlight);
  const handlers = useRef({ onNodeClick, onEdgeClick });
  handlers.current = { onNodeClick, onEdgeClick };

  // biome-ignore lint/correctness/useExhaustiveDependencies: one sigma per component; graphs are swapped by the next effect.
  useEffect(() => {
    if (!container.current) return;
    const sigma = new Sigma<OrgAttributes, ContractAttributes>(graph, container.current, {
      enableEdgeEvents: true,
      // Large blast radii stay responsive: edges and labels wait while the camera moves.
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      zIndex: true,
      defaultEdgeType: "arrow",
      labelRenderedSizeThreshold: 9,
      labelFont: "system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', sans-serif",
      nodeReducer: (node, data) => {
        const h = highlightRef.current;
        const out: NodeData = { ...data };
        if (h.depthOf) {
          if (h.compromised.has(node))
            Object.assign(out, { color: COMPROMISED_COLOUR, zIndex: 3, forceLabel: true });
          else if (h.depthOf.has(node))
            Object.assign(out, { color: depthColour(h.depthOf.get(node) as number), zIndex: 2 });
          else Object.assign(out, { color: DIMMED_COLOUR, label: "", zIndex: 0 });
        }
        if (h.chainNodes.has(node)) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 4 });
        if (node === h.focus) out.highlighted = true;
        return out;
      },
      edgeReducer: (edge, data) => {
        const h = highlightRef.current;
        const out: EdgeData = { ...data };
        if (h.chainEdges.has(edge) || edge === h.selectedEdge)
          Object.assign(out, { color: CHAIN_EDGE_COLOUR, size: data.size * 3, zIndex: 3 });
        else if (h.depthOf)
          Object.assign(
            out,
            h.counted.has(edge) ? { color: COUNTED_EDGE_COLOUR, zIndex: 2 } : { hidden: true },
          );
        return out;
      },
    });
    sigma.on("clickNode", ({ node }) => handlers.current.onNodeClick(node));
    sigma.on("clickEdge", ({ edge }) => handlers.current.onEdgeClick(edge));
    sigmaRef.current = sigma;
    onReady?.(sigma);
    // End-to-end tests and power users can ask where a node is drawn; read-only.
    (window as unknown as { __KEIRO__: unknown }).__KEIRO__ = {
      nodeViewport: (id: string) =>
        sigma.getGraph().hasNode(id) ? sigma.graphToViewport(sigma.getGraph().getNodeAttributes(id)) : null,
      nodeCount: () => sigma.getGraph().order,
    };
    return () => {
      sigma.kill();
      sigmaRef.current = null;
    };
  }, []);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.setGraph(graph);
    if (!forceLayout || graph.order < 2) {
      sigma.getCamera().animatedReset({ duration: 300 });
      return;
    }
    const layout = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
    layout.start();
    const stop = setTimeout(() => layout.stop(), Math.min(4000, 800 + graph.order * 4));
    return () => {
      clearTimeout(stop);
      layout.kill();
    };
  }, [graph, forceLayout]);

  useEffect(() => {
    highlightRef.current = highlight;
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.refresh({ skipIndexation: true });
    if (highlight.focus && sigma.getGraph().hasNode(highlight.focus)) {
      const display = sigma.getNodeDisplayData(highlight.focus);
      if (display)
        sigma
          .getCamera()
          .animate(
            { x: display.x, y: display.y, ratio: Math.min(sigma.getCamera().ratio, 0.6) },
            { duration: 400 },
          );
    }
  }, [highlight]);

  return <div ref={container} className="graph" data-testid="graph" role="application" aria-label="graph" />;
}
