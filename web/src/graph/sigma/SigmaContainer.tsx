import { type ReactNode, useEffect, useRef, useState } from "react";
import Sigma from "sigma";
import { EdgeLineProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import { type ContractAttributes, createExploreGraph, type OrgAttributes } from "../dataset.ts";
import { useGraphStore } from "../useGraph.ts";
import { type ExploreSigma, SigmaContext } from "./context.ts";
import { DottedArrowProgram, HollowNodeProgram } from "./possible.ts";
import {
  HOLLOW_NODE_TYPE,
  PLAIN_EDGE_TYPE,
  POINT_NODE_TYPE,
  POSSIBLE_EDGE_TYPE,
  UNDISCLOSED_EDGE_TYPE,
} from "./reducers.ts";
import { DashedArrowProgram } from "./undisclosedEdge.ts";

const SETTINGS: Partial<Settings<OrgAttributes, ContractAttributes>> = {
  enableEdgeEvents: true,
  // Large blast radii stay responsive: edges and labels wait while the camera moves.
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  zIndex: true,
  defaultEdgeType: "arrow",
  nodeProgramClasses: {
    circle: NodeCircleProgram,
    [POINT_NODE_TYPE]: NodePointProgram,
    [HOLLOW_NODE_TYPE]: HollowNodeProgram,
  },
  edgeProgramClasses: {
    [UNDISCLOSED_EDGE_TYPE]: DashedArrowProgram,
    [PLAIN_EDGE_TYPE]: EdgeLineProgram,
    [POSSIBLE_EDGE_TYPE]: DottedArrowProgram,
  },
  labelRenderedSizeThreshold: 9,
  // Room above the drawing for the tier headings pinned to the top of the view.
  stagePadding: 60,
  labelFont: "system-ui, 'Hiragino Sans', 'Noto Sans CJK JP', sans-serif",
};

/**
 * One sigma for the app's lifetime, drawing the store's one graph; the controllers inside it
 * configure it. While many organisations enter or leave at once, sigma looks at an empty graph,
 * so that it re-indexes once after the change instead of once per organisation dropped.
 */
export function SigmaContainer({
  onReady,
  children,
}: {
  onReady?: (sigma: ExploreSigma | null) => void;
  children: ReactNode;
}) {
  const store = useGraphStore();
  const container = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<ExploreSigma | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const instance: ExploreSigma = new Sigma(store.graph, container.current, SETTINGS);
    const detached = createExploreGraph();
    const stopBulk = store.onBulkChange({
      before: () => instance.setGraph(detached),
      after: () => instance.setGraph(store.graph),
    });
    setSigma(instance);
    onReady?.(instance);
    return () => {
      stopBulk();
      instance.kill();
      setSigma(null);
      onReady?.(null);
    };
  }, [store, onReady]);
  return (
    <>
      <div ref={container} className="graph" data-testid="graph" role="application" aria-label="graph" />
      {sigma && <SigmaContext value={sigma}>{children}</SigmaContext>}
    </>
  );
}
