import { useEffect } from "react";
import { useGraphSnapshot } from "../../useGraph.ts";
import { animateCamera } from "../camera.ts";
import { type ExploreSigma, useSigma } from "../context.ts";

/** Pixels kept free around the chain at the view's edges (more on the right: labels run rightwards). */
const MARGIN = { left: 60, right: 140, y: 40 };

/**
 * The camera ratio at which every organisation of the chain is in view while the focused one is in
 * the middle (sigma's ratio: larger is further out; distances on screen shrink as 1 / ratio).
 */
function ratioShowing(
  sigma: ExploreSigma,
  at: { x: number; y: number },
  focus: string,
  chain: string[],
): number {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const cameraState = { x: at.x, y: at.y, ratio: 1, angle: 0 };
  const centre = sigma.graphToViewport(graph.getNodeAttributes(focus), { cameraState });
  let needed = 0;
  for (const id of chain) {
    if (!graph.hasNode(id)) continue;
    const p = sigma.graphToViewport(graph.getNodeAttributes(id), { cameraState });
    needed = Math.max(
      needed,
      Math.abs(p.x - centre.x) / Math.max(1, width / 2 - (p.x > centre.x ? MARGIN.right : MARGIN.left)),
      Math.abs(p.y - centre.y) / Math.max(1, height / 2 - MARGIN.y),
    );
  }
  return needed;
}

/**
 * Brings the focused organisation into the middle of the view when it is chosen, and again after a
 * new layout, zoomed in, but never so far that its chain to the compromised vendor leaves the view.
 */
export function CameraController({ focus, chain }: { focus: string | null; chain: Set<string> }) {
  const sigma = useSigma();
  const { layoutRun } = useGraphSnapshot();
  const chainKey = [...chain].join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutRun is the trigger, not an input.
  useEffect(() => {
    // On the next frame: a new highlight has sigma re-process the graph on that frame first (its
    // refresh was scheduled before), and positions read before then are stale.
    let forget = () => {};
    const frame = requestAnimationFrame(() => {
      const graph = sigma.getGraph();
      if (!focus || !graph.hasNode(focus)) return;
      const camera = sigma.getCamera();
      const at = sigma.viewportToFramedGraph(sigma.graphToViewport(graph.getNodeAttributes(focus)));
      const members = chainKey === "" ? [] : chainKey.split("\n");
      const ratio = Math.max(Math.min(camera.ratio, 0.6), ratioShowing(sigma, at, focus, members));
      forget = animateCamera(sigma, { x: at.x, y: at.y, ratio }, { duration: 400 });
    });
    return () => {
      cancelAnimationFrame(frame);
      forget();
    };
  }, [sigma, focus, chainKey, layoutRun]);
  return null;
}
