import { useEffect, useRef } from "react";
import { useGraphSnapshot } from "../../useGraph.ts";
import { animateCamera } from "../camera.ts";
import { type ExploreSigma, useSigma } from "../context.ts";
import { fittedCamera, freeArea, headingRoom } from "../fit.ts";
import { textMeasure } from "../measure.ts";

/** Pixels kept free around the chain at the view's edges (more on the right: labels run rightwards). */
const MARGIN = { left: 60, right: 140, y: 40 };

/** A focused organisation is shown at least this close (sigma's ratio: smaller is closer). */
const FOCUS_RATIO = 0.6;

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

/** The deepest tier among `nodes` (the leftmost column of a blast radius), or null. */
function deepest(nodes: Iterable<string>, depthOf: Map<string, number> | null): number | null {
  let found: number | null = null;
  for (const id of nodes) {
    const depth = depthOf?.get(id);
    if (depth !== undefined && (found === null || depth > found)) found = depth;
  }
  return found;
}

/**
 * Where the camera goes. A blast radius (tiers) is fitted whole into the part of the view no panel
 * covers, with room for the names of its rightmost tier and the heading of its leftmost; a focused
 * organisation's chain is fitted there instead, beside its panel, at least as close as FOCUS_RATIO.
 * The overview (ForceAtlas2) brings a focused organisation into the middle, zoomed in, its chain
 * in view. Again after every new layout.
 */
export function CameraController({
  focus,
  chain,
  depthOf,
}: {
  focus: string | null;
  chain: Set<string>;
  /** Each affected organisation's depth (the compromised at 0); null outside a blast radius. */
  depthOf: Map<string, number> | null;
}) {
  const sigma = useSigma();
  const { layout, layoutRun } = useGraphSnapshot();
  const chainKey = [...chain].join("\n");
  // Read when the camera moves, not a reason to move it: a new answer moves it once laid out.
  const depths = useRef(depthOf);
  depths.current = depthOf;
  // The page's first picture is placed at once: there is nothing on screen to move from.
  const placed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutRun is the trigger, not an input.
  useEffect(() => {
    // On the next frame: a new highlight or layout has sigma re-process the graph on that frame
    // first (its refresh was scheduled before), and positions read before then are stale.
    let forget = () => {};
    const frame = requestAnimationFrame(() => {
      const graph = sigma.getGraph();
      const camera = sigma.getCamera();
      const members = chainKey === "" ? [] : chainKey.split("\n");
      const focused = focus !== null && graph.hasNode(focus);
      if (layout === "layered") {
        const text = textMeasure(sigma.getSettings());
        const fitted = focused ? [focus, ...members] : graph.nodes();
        const left = deepest(fitted, depths.current);
        const room = left === null ? null : headingRoom(sigma, left);
        const fitWith = (leftRoom: number) =>
          fittedCamera(sigma, fitted, freeArea(sigma), text, {
            minRatio: focused ? Math.min(camera.ratio, FOCUS_RATIO) : 0,
            leftRoom,
          });
        // Room for the leftmost tier's heading in full where that shows the drawing as large,
        // else for its short form (a chain beside a panel has no width to spare).
        const [full, short] = [fitWith(room?.full ?? 0), fitWith(room?.short ?? 0)];
        const target = full && short && full.ratio > short.ratio ? short : full;
        if (!target) return;
        const duration = placed.current ? (focused ? 400 : 300) : 0;
        placed.current = true;
        forget = animateCamera(sigma, target, { duration });
        return;
      }
      if (!focused) return;
      const at = sigma.viewportToFramedGraph(sigma.graphToViewport(graph.getNodeAttributes(focus)));
      const ratio = Math.max(Math.min(camera.ratio, FOCUS_RATIO), ratioShowing(sigma, at, focus, members));
      forget = animateCamera(sigma, { x: at.x, y: at.y, ratio }, { duration: 400 });
    });
    return () => {
      cancelAnimationFrame(frame);
      forget();
    };
  }, [sigma, focus, chainKey, layout, layoutRun]);
  return null;
}
