import { useEffect } from "react";
import { useSigma } from "../context.ts";
import type { Highlight } from "../highlight.ts";
import { edgeReducer, type LabelPlacement, nodeReducer } from "../reducers.ts";

/**
 * Draws the highlight through sigma's reducers, naming the organisations the view's label
 * placement chose; the graph itself never changes for it. (Draw order
 * follows zIndex, which the highlight changes, so sigma re-indexes on the next frame.)
 */
export function HighlightController({ highlight, labels }: { highlight: Highlight; labels: LabelPlacement }) {
  const sigma = useSigma();
  useEffect(() => {
    sigma.setSettings({ nodeReducer: nodeReducer(highlight, labels), edgeReducer: edgeReducer(highlight) });
  }, [sigma, highlight, labels]);
  return null;
}
