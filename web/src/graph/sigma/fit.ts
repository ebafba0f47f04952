import type { CameraState } from "sigma/types";
import type { ExploreSigma } from "./context.ts";
import type { TextMeasure } from "./measure.ts";
import { shortLabel } from "./reducers.ts";

/** A rectangle of the view, in its pixels from its top left. */
export interface Area {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The part of the view no panel covers: an organisation's, a group's or a contract's panel lies
 * over the graph's left (or right) side, and what is fitted to the view belongs beside it.
 */
export function freeArea(sigma: ExploreSigma): Area {
  const container = sigma.getContainer();
  const view = container.getBoundingClientRect();
  const area = { left: 0, right: view.width, top: 0, bottom: view.height };
  for (const panel of container.parentElement?.querySelectorAll<HTMLElement>(".panel") ?? []) {
    const box = panel.getBoundingClientRect();
    if (box.width === 0 || box.right <= view.left || box.left >= view.right) continue;
    if (box.left + box.width / 2 < view.left + view.width / 2)
      area.left = Math.max(area.left, box.right - view.left);
    else area.right = Math.min(area.right, box.left - view.left);
  }
  // The legend stands over the bottom left corner: what is fitted stays above it.
  const legend = container.parentElement?.querySelector<HTMLElement>(".legend")?.getBoundingClientRect();
  if (legend && legend.height > 0 && legend.top > view.top + view.height / 2)
    area.bottom = Math.min(area.bottom, legend.top - view.top);
  // A panel wider than the view leaves nothing beside it: fit to the whole view then.
  return area.right - area.left < view.width / 4 ? { ...area, left: 0, right: view.width } : area;
}

/**
 * Room a tier's heading needs left of its column to stand centred over it: half its width written
 * in full on one line, and in its short form (TierHeadingsController writes it so where it has
 * less room). Null when the view heads no such tier.
 */
export function headingRoom(sigma: ExploreSigma, depth: number): { full: number; short: number } | null {
  const heading = sigma
    .getContainer()
    .parentElement?.querySelector<HTMLElement>(`.tier-heading[data-depth="${depth}"]`);
  if (!heading) return null;
  // Measured shown and unwrapped, whatever the last frame made of it (the camera was elsewhere).
  const { maxWidth, display } = heading.style;
  const narrow = heading.classList.contains("narrow");
  Object.assign(heading.style, { maxWidth: "none", display: "" });
  heading.classList.remove("narrow");
  const full = heading.offsetWidth / 2;
  heading.classList.add("narrow");
  const short = heading.offsetWidth / 2;
  Object.assign(heading.style, { maxWidth, display });
  heading.classList.toggle("narrow", narrow);
  return { full, short };
}

/** Room kept inside the area: above for the tier headings. */
export const FIT_PADDING: Area = { left: 12, right: 12, top: 64, bottom: 8 };

/**
 * The camera that shows `nodes` whole inside `area`, as large as fits, with the names of the
 * rightmost of them (labels run rightwards) and the discs of the leftmost inside it too; never
 * closer than `minRatio`; `leftRoom` pixels at least left of the leftmost (its tier's heading). Null
 * when none of them is drawn. Works from where sigma drew them last, so call it once sigma has
 * processed the positions (a frame after they changed).
 */
export function fittedCamera(
  sigma: ExploreSigma,
  nodes: Iterable<string>,
  area: Area,
  text: TextMeasure,
  { minRatio = 0, leftRoom = 0 }: { minRatio?: number; leftRoom?: number } = {},
): CameraState | null {
  const reference = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const graph = sigma.getGraph();
  const drawn: { x: number; y: number; size: number; label: string }[] = [];
  for (const id of nodes) {
    const data = graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined;
    if (!data || data.hidden) continue;
    const at = sigma.framedGraphToViewport(data, { cameraState: reference });
    const label = data.label ?? shortLabel(graph.getNodeAttribute(id, "label"));
    drawn.push({ ...at, size: data.size, label });
  }
  if (drawn.length === 0) return null;
  const xs = drawn.map((d) => d.x);
  const ys = drawn.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let [labelRoom, discRoom, rise] = [0, 0, 0];
  for (const d of drawn) {
    if (d.x >= x1 - 1) labelRoom = Math.max(labelRoom, d.size + 3 + text.width(d.label));
    if (d.x <= x0 + 1) discRoom = Math.max(discRoom, d.size);
    rise = Math.max(rise, d.size);
  }
  const width = Math.max(1, area.right - area.left);
  const pad = {
    left: Math.max(FIT_PADDING.left + discRoom, leftRoom),
    // Names of the rightmost tier, at most half of the area (a long one is cut by the edge then).
    right: FIT_PADDING.right + Math.min(labelRoom, width / 2),
    top: FIT_PADDING.top + rise,
    bottom: FIT_PADDING.bottom + rise,
  };
  const inner = {
    width: Math.max(1, width - pad.left - pad.right),
    height: Math.max(1, area.bottom - area.top - pad.top - pad.bottom),
  };
  const ratio = Math.max(minRatio, (x1 - x0) / inner.width, (y1 - y0) / inner.height, 1e-3);
  const target = { x: area.left + pad.left + inner.width / 2, y: area.top + pad.top + inner.height / 2 };
  const { width: W, height: H } = sigma.getDimensions();
  // The camera's centre is what the view's centre shows; distances on screen shrink as 1 / ratio.
  const centre = sigma.viewportToFramedGraph(
    { x: (x0 + x1) / 2 - ratio * (target.x - W / 2), y: (y0 + y1) / 2 - ratio * (target.y - H / 2) },
    { cameraState: reference },
  );
  return { x: centre.x, y: centre.y, ratio, angle: 0 };
}
