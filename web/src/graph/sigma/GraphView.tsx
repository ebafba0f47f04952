import { useState } from "react";
import type { TierTotal } from "../tiers.ts";
import type { ExploreSigma } from "./context.ts";
import { CameraController } from "./controllers/CameraController.tsx";
import { EventsController } from "./controllers/EventsController.tsx";
import { HighlightController } from "./controllers/HighlightController.tsx";
import { createViewLabels, LabelsController } from "./controllers/LabelsController.tsx";
import { LayoutController } from "./controllers/LayoutController.tsx";
import { TierHeadingsController } from "./controllers/TierHeadingsController.tsx";
import { TooltipController } from "./controllers/TooltipController.tsx";
import { WindowHookController } from "./controllers/WindowHookController.tsx";
import type { Highlight } from "./highlight.ts";
import { SigmaContainer } from "./SigmaContainer.tsx";

export interface GraphViewProps {
  highlight: Highlight;
  /** The blast radius's figures per tier, headed over its columns; null: no headings. */
  tiers: TierTotal[] | null;
  onNodeClick: (id: string) => void;
  onEdgeClick: (id: string) => void;
  onReady?: (sigma: ExploreSigma | null) => void;
}

/**
 * The sigma view of the store's one graph (GraphStoreContext). Sigma is configured by small
 * controllers that render nothing; the order matters where two move the camera (focus wins).
 */
export function GraphView({ highlight, tiers, onNodeClick, onEdgeClick, onReady }: GraphViewProps) {
  // Which organisations are named: placed by LabelsController, read by the node reducer.
  const [labels] = useState(createViewLabels);
  return (
    <SigmaContainer onReady={onReady}>
      <HighlightController highlight={highlight} labels={labels} />
      <LabelsController highlight={highlight} labels={labels} />
      <LayoutController />
      <CameraController focus={highlight.focus} chain={highlight.chainNodes} depthOf={highlight.depthOf} />
      <EventsController onNodeClick={onNodeClick} onEdgeClick={onEdgeClick} />
      <TooltipController highlight={highlight} />
      <WindowHookController labels={labels} />
      <TierHeadingsController tiers={tiers} />
    </SigmaContainer>
  );
}
