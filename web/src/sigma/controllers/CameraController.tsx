import { useEffect } from "react";
import { useGraphSnapshot } from "../../graph/useGraph.ts";
import { useSigma } from "../context.ts";

/** Brings the focused organisation into view when it is chosen, and again after a new layout. */
export function CameraController({ focus }: { focus: string | null }) {
  const sigma = useSigma();
  const { layoutRun } = useGraphSnapshot();
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutRun is the trigger, not an input.
  useEffect(() => {
    const graph = sigma.getGraph();
    if (!focus || !graph.hasNode(focus)) return;
    const camera = sigma.getCamera();
    const at = sigma.viewportToFramedGraph(sigma.graphToViewport(graph.getNodeAttributes(focus)));
    camera.animate({ x: at.x, y: at.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  }, [sigma, focus, layoutRun]);
  return null;
}
