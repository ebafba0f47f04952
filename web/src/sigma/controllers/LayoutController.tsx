import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { useEffect, useRef } from "react";
import { useGraphSnapshot, useGraphStore } from "../../graph/useGraph.ts";
import { useSigma } from "../context.ts";

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
    if (layout !== "force" || graph.order < 2) {
      sigma.getCamera().animatedReset({ duration: 300 });
      return;
    }
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
