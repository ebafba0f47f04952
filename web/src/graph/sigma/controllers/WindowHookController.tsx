import { useEffect } from "react";
import { CHAIN_EDGE_COLOUR } from "../../appearance.ts";
import type { ExploreGraph } from "../../dataset.ts";
import { isGroupNode } from "../../groups.ts";
import { useSigma } from "../context.ts";
import type { LabelBox } from "../labels.ts";
import { enableLabels, type ViewLabels } from "./LabelsController.tsx";

/** What end-to-end tests, the benchmark and power users may ask the page; read-only. */
export interface KeiroHook {
  /** Where an organisation is drawn, in pixels from the graph's top left; null when it is not. */
  nodeViewport: (id: string) => { x: number; y: number } | null;
  /** How sigma last drew an organisation (after the reducers); null when it is not in the graph. */
  nodeDrawn: (
    id: string,
  ) => { hidden: boolean; label: string | null; forceLabel: boolean; type: string } | null;
  /** How many organisations are drawn. */
  nodeCount: () => number;
  /** The camera's zoom (sigma's ratio: 1 fits the graph, smaller is closer). */
  cameraRatio: () => number;
  /** The group nodes drawn (a radius too large to draw one by one), sorted. */
  groupNodes: () => string[];
  /** The graph sigma draws (the same object for the app's lifetime). */
  graph: () => ExploreGraph;
  /** The contracts sigma last drew as the focused chain or the selected contract, sorted. */
  chainEdges: () => string[];
  /** How many contracts sigma last drew with each edge program (hidden ones left out). */
  edgeTypes: () => Record<string, number>;
  /** The names sigma draws now, as boxes in pixels from the graph's top left (none while moving). */
  labelBoxes: () => LabelBox[];
  /** Names placed so that none overlap (true, the default) or chosen by sigma as before (the bench's baseline). */
  placeLabels: (on: boolean) => void;
}

export function WindowHookController({ labels }: { labels: ViewLabels }) {
  const sigma = useSigma();
  useEffect(() => {
    const hook: KeiroHook = {
      nodeViewport: (id) =>
        sigma.getGraph().hasNode(id) ? sigma.graphToViewport(sigma.getGraph().getNodeAttributes(id)) : null,
      nodeDrawn: (id) => {
        const drawn = sigma.getGraph().hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
        return drawn
          ? {
              hidden: drawn.hidden === true,
              label: drawn.label ?? null,
              forceLabel: drawn.forceLabel === true,
              type: drawn.type,
            }
          : null;
      },
      nodeCount: () => sigma.getGraph().order,
      cameraRatio: () => sigma.getCamera().getState().ratio,
      groupNodes: () => sigma.getGraph().filterNodes(isGroupNode).sort(),
      graph: () => sigma.getGraph(),
      chainEdges: () =>
        sigma
          .getGraph()
          .filterEdges((edge) => {
            const drawn = sigma.getEdgeDisplayData(edge);
            return drawn !== undefined && !drawn.hidden && drawn.color === CHAIN_EDGE_COLOUR;
          })
          .sort(),
      edgeTypes: () => {
        const counts: Record<string, number> = {};
        sigma.getGraph().forEachEdge((edge) => {
          const drawn = sigma.getEdgeDisplayData(edge);
          if (drawn && !drawn.hidden) counts[drawn.type] = (counts[drawn.type] ?? 0) + 1;
        });
        return counts;
      },
      labelBoxes: () => labels.boxes(),
      placeLabels: (on) => {
        enableLabels(labels, on);
        sigma.refresh();
      },
    };
    const page = window as unknown as { __KEIRO__?: KeiroHook };
    page.__KEIRO__ = hook;
    return () => {
      if (page.__KEIRO__ === hook) delete page.__KEIRO__;
    };
  }, [sigma, labels]);
  return null;
}
