import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { useEffect, useRef } from "react";
import { useGraphSnapshot, useGraphStore } from "../../useGraph.ts";
import { animateCamera } from "../camera.ts";
import { useSigma } from "../context.ts";

/**
 * Whenever the store lays the graph out anew: the overview is settled by ForceAtlas2 in a web
 * worker for a few seconds; a layered blast radius keeps its positions (CameraController fits it).
 * The view's container says `data-settled="true"` once nothing moves any more (no layout in a
 * worker, no ForceAtlas2, no camera animation), nothing more is on its way to be drawn (a large
 * radius's groups: until they come only its compromised are), and the last frame drew contracts and labels
 * (sigma leaves them out while anything moves): screenshots and tests wait for it.
 */
export function LayoutController() {
  const sigma = useSigma();
  const store = useGraphStore();
  const { layout, layoutRun, laying, pending } = useGraphSnapshot();
  const running = useRef<FA2Layout | null>(null);
  const forceRunning = useRef(false);
  const placed = useRef(false);

  // The worker must not write positions while organisations enter or leave.
  useEffect(() => store.onBulkChange({ before: () => running.current?.kill(), after: () => {} }), [store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutRun is the trigger, not an input.
  useEffect(() => {
    const graph = store.graph;
    // The page's first picture is placed at once: there is nothing on screen to move from.
    const duration = placed.current ? 300 : 0;
    if (graph.order > 0) placed.current = true;
    // A layered blast radius is fitted to the view by CameraController.
    if (layout === "layered") return;
    if (graph.order < 2) return animateCamera(sigma, "reset", { duration });
    const fa2 = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
    running.current = fa2;
    forceRunning.current = true;
    fa2.start();
    const stop = setTimeout(
      () => {
        fa2.stop();
        forceRunning.current = false;
        sigma.scheduleRender();
      },
      Math.min(4000, 800 + graph.order * 4),
    );
    return () => {
      clearTimeout(stop);
      fa2.kill();
      running.current = null;
      forceRunning.current = false;
    };
  }, [sigma, store, layout, layoutRun]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout is a reason to look again.
  useEffect(() => {
    const container = sigma.getContainer();
    const mark = () => {
      const still = !laying && !pending && !forceRunning.current && !sigma.getCamera().isAnimated();
      container.dataset.settled = String(still);
    };
    container.dataset.settled = "false";
    sigma.on("afterRender", mark);
    sigma.scheduleRender();
    return () => {
      sigma.off("afterRender", mark);
    };
  }, [sigma, laying, pending, layoutRun]);
  return null;
}
