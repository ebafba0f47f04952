import { useEffect, useMemo } from "react";
import { useGraphSnapshot } from "../../useGraph.ts";
import { type ExploreSigma, useSigma } from "../context.ts";
import type { Highlight } from "../highlight.ts";
import { type LabelOrder, labelOrder } from "../labelOrder.ts";
import { type LabelBox, type LabelCandidate, labelBox, placeLabels } from "../labels.ts";
import { textMeasure } from "../measure.ts";
import type { LabelPlacement } from "../reducers.ts";

/** sigma draws a label only for a node this close to the view (its X_LABEL_MARGIN, Y_LABEL_MARGIN). */
const MARGIN = { x: 150, y: 50 };

/** The view's placement: the reducer reads `placed`; tests and the bench read `boxes()`. */
export interface ViewLabels extends LabelPlacement {
  /** The labels sigma draws now, as boxes in the view's pixels (none while the camera moves). */
  boxes: () => LabelBox[];
  /** Off: sigma's label grid and forced labels decide, as before (the bench's baseline). */
  enabled: boolean;
  /** Changes whenever `enabled` does: the next frame places again. */
  revision: number;
}

export function createViewLabels(): ViewLabels {
  return { placed: new Set(), boxes: () => [], enabled: true, revision: 0 };
}

/** Turns the placement on or off (then sigma's own choice, as before); the caller refreshes sigma. */
export function enableLabels(labels: ViewLabels, on: boolean): void {
  labels.enabled = on;
  labels.placed = on ? new Set() : null;
  labels.revision++;
}

/** Whether sigma leaves labels out of the frame it draws now (hideLabelsOnMove). */
export function moving(sigma: ExploreSigma): boolean {
  const captor = sigma.getMouseCaptor();
  return (
    sigma.getCamera().isAnimated() ||
    captor.isMoving ||
    captor.draggedEvents > 0 ||
    captor.currentWheelDirection !== 0
  );
}

/** The candidates in order, where sigma draws them in this frame (hidden ones and too-small ones left out). */
function* candidates(sigma: ExploreSigma, order: LabelOrder): Generator<LabelCandidate> {
  const threshold = sigma.getSetting("labelRenderedSizeThreshold");
  for (const { id, text, always } of order.ranked) {
    const data = sigma.getNodeDisplayData(id);
    if (!data || data.hidden) continue;
    const size = sigma.scaleSize(data.size);
    if (!order.all && !always && size < threshold) continue;
    const { x, y } = sigma.framedGraphToViewport(data);
    yield { id, text, x, y, size };
  }
}

/** Every organisation drawn, as a disc a name must not cover (its own excepted). */
function* discs(sigma: ExploreSigma): Generator<LabelCandidate> {
  const graph = sigma.getGraph();
  for (const id of graph.nodes()) {
    const data = sigma.getNodeDisplayData(id);
    if (!data || data.hidden) continue;
    const { x, y } = sigma.framedGraphToViewport(data);
    yield { id, text: "", x, y, size: sigma.scaleSize(data.size) };
  }
}

/**
 * Names organisations so that no two names overlap: after each frame that drew labels, when the
 * zoom, the view's size or what is drawn changed since the last placement, the candidates are
 * placed again in order (see labelOrder, placeLabels) and the organisations whose naming changed
 * are re-reduced at once (skipIndexation: only their label changes), so the corrected frame is
 * drawn in the same task and never shown stale. Panning moves every label alike, so it places
 * nothing; nor does any frame drawn while the camera moves (sigma draws no labels then).
 */
export function LabelsController({ highlight, labels }: { highlight: Highlight; labels: ViewLabels }) {
  const sigma = useSigma();
  const { version } = useGraphSnapshot();
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger (the graph changed in place).
  const order = useMemo(() => labelOrder(sigma.getGraph(), highlight), [sigma, highlight, version]);

  useEffect(() => {
    const measure = textMeasure(sigma.getSettings());
    let processed = 0;
    let placedFor = "";
    let widths = new Map<string, number>();
    const onProcess = () => {
      processed++;
    };
    const place = () => {
      if (!labels.enabled || moving(sigma)) return;
      const { ratio, angle } = sigma.getCamera().getState();
      const { width, height } = sigma.getDimensions();
      const key = `${ratio}|${angle}|${width}x${height}|${processed}|${labels.revision}`;
      if (key === placedFor) return;
      placedFor = key;
      const boxes = placeLabels(candidates(sigma, order), measure.width, measure.metrics, discs(sigma));
      const next = new Set(boxes.map((b) => b.id));
      widths = new Map(boxes.map((b) => [b.id, b.width]));
      const before = labels.placed ?? new Set<string>();
      const changed = [...next].filter((id) => !before.has(id));
      // Only those sigma draws: while many organisations enter or leave, it looks at an empty graph.
      const graph = sigma.getGraph();
      for (const id of before) if (!next.has(id) && graph.hasNode(id)) changed.push(id);
      labels.placed = next;
      if (changed.length > 0) sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true });
    };
    labels.boxes = () => {
      if (moving(sigma) || !labels.placed) return [];
      const { width, height } = sigma.getDimensions();
      const drawn: LabelBox[] = [];
      for (const id of labels.placed) {
        const data = sigma.getNodeDisplayData(id);
        if (!data || data.hidden || !data.label) continue;
        const at = sigma.framedGraphToViewport(data);
        if (at.x < -MARGIN.x || at.x > width + MARGIN.x || at.y < -MARGIN.y || at.y > height + MARGIN.y)
          continue;
        const candidate = { id, text: data.label, ...at, size: sigma.scaleSize(data.size) };
        drawn.push(labelBox(candidate, widths.get(id) ?? measure.width(data.label), measure.metrics));
      }
      return drawn;
    };
    sigma.on("afterProcess", onProcess);
    sigma.on("afterRender", place);
    sigma.scheduleRender();
    return () => {
      sigma.off("afterProcess", onProcess);
      sigma.off("afterRender", place);
    };
  }, [sigma, order, labels]);
  return null;
}
