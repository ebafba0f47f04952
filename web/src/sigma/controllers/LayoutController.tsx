import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { useEffect, useRef } from "react";
import { useGraphSnapshot, useGraphStore } from "../../graph/useGraph.ts";
import { animateCamera } from "../camera.ts";
import { useSigma } from "../context.ts";

/**
 * The view of a layered blast radius: all of it, a little further out and shifted left, so that
 * the labels of the rightmost tier (drawn to the right of their organisations) stay in view.
 */
export const LAYERED_VIEW = { x: 0.56, y: 0.5, ratio: 1.22, angle: 0 };

/**
 * Whenever the store lays the graph out anew: the overview is settled by ForceAtlas2 in a web
 * worker for a few seconds; a layered blast radius keeps its positions and the camera resets.
 */
export function LayoutController() {
  const sigma = useSigma();
  const store = useGraphStore();
  const { layout, layoutRun } = useGraphSnapshot();
  const running = useRef<FA2Layout | null>(null);

  // The worker must not write positions while organisations enter or leave.
  useEffect(() => store.onBulkChange({ before: () => running.current?.kill(), after: () => {} }), [store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutRun is the trigger, not an input.
  useEffect(() => {
    const graph = store.graph;
    if (layout === "layered") return animateCamera(sigma, LAYERED_VIEW, { duration: 300 });
    if (graph.order < 2) return animateCamera(sigma, "reset", { duration: 300 });
    const fa2 = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
    running.current = fa2;
    fa2.start();
    const stop = setTimeout(() => fa2.stop(), Math.min(4000, 800 + graph.order * 4));
    return () => {
      clearTimeout(stop);
      fa2.kill();
      running.current = null;
    };
  }, [sigma, store, layout, layoutRun]);
  return null;
}
