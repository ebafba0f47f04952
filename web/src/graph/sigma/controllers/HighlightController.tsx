import { useEffect } from "react";
import { useSigma } from "../context.ts";
import type { Highlight } from "../highlight.ts";
import { edgeReducer, nodeReducer } from "../reducers.ts";

/**
 * Draws the highlight through sigma's reducers; the graph itself never changes for it. (Draw order
 * follows zIndex, which the highlight changes, so sigma re-indexes on the next frame.)
 */
export function HighlightController({ highlight }: { highlight: Highlight }) {
  const sigma = useSigma();
  useEffect(() => {
    sigma.setSettings({ nodeReducer: nodeReducer(highlight), edgeReducer: edgeReducer(highlight) });
  }, [sigma, highlight]);
  return null;
}
