/**
 * Which organisations are named, so that no two names are drawn over each other: candidates in
 * order (the caller's: the focused chain, the compromised, then by records), each named when its
 * label box keeps clear of every box already placed. Pure: the view measures text and positions,
 * this decides (and the unit tests run it without a browser).
 */

/** An organisation that may be named, where sigma draws it (viewport pixels). */
export interface LabelCandidate {
  id: string;
  text: string;
  /** The node's centre. */
  x: number;
  y: number;
  /** Its radius as drawn (sigma's scaled size). */
  size: number;
}

/** A label as drawn: its text's box in viewport pixels (left, top, width, height). */
export interface LabelBox {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The label font's metrics: its size (sigma's labelSize) and the text's extent around the baseline. */
export interface LabelMetrics {
  size: number;
  ascent: number;
  descent: number;
}

/** Room kept between two labels: names that touch are read as one. */
export const LABEL_GAP = { x: 4, y: 2 };

/**
 * The box sigma's label of a node covers: it writes the text at (x + size + 3, y + labelSize / 3),
 * that being the baseline (sigma's drawDiscNodeLabel).
 */
export function labelBox(candidate: LabelCandidate, width: number, metrics: LabelMetrics): LabelBox {
  const baseline = candidate.y + metrics.size / 3;
  return {
    id: candidate.id,
    text: candidate.text,
    x: candidate.x + candidate.size + 3,
    y: baseline - metrics.ascent,
    width,
    height: metrics.ascent + metrics.descent,
  };
}

/** Whether two boxes come closer than LABEL_GAP (touching boxes count as overlapping). */
export function crowds(a: LabelBox, b: LabelBox, gap = LABEL_GAP): boolean {
  return (
    a.x < b.x + b.width + gap.x &&
    b.x < a.x + a.width + gap.x &&
    a.y < b.y + b.height + gap.y &&
    b.y < a.y + a.height + gap.y
  );
}

/** Cells of the spatial hash: about one short label wide, so that a box touches a few cells. */
const CELL = 64;

/**
 * Greedy placement in the candidates' order: each label is placed when its box keeps clear of
 * the boxes placed before it and of the middle of every other organisation's disc (`discs`: a
 * name written across an organisation hides it), else that organisation stays unnamed. A spatial hash keeps each
 * check to the boxes nearby, so thousands of candidates take a few milliseconds.
 */
export function placeLabels(
  candidates: Iterable<LabelCandidate>,
  measure: (text: string) => number,
  metrics: LabelMetrics,
  discs: Iterable<LabelCandidate> = [],
): LabelBox[] {
  const placed: LabelBox[] = [];
  const cells = new Map<string, LabelBox[]>();
  const span = (low: number, high: number) => [Math.floor(low / CELL), Math.floor(high / CELL)] as const;
  const keys = (box: LabelBox) => {
    const [x0, x1] = span(box.x - LABEL_GAP.x, box.x + box.width + LABEL_GAP.x);
    const [y0, y1] = span(box.y - LABEL_GAP.y, box.y + box.height + LABEL_GAP.y);
    const all: string[] = [];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) all.push(`${cx},${cy}`);
    return all;
  };
  const add = (box: LabelBox, at: string[]) => {
    for (const key of at) {
      const cell = cells.get(key);
      if (cell) cell.push(box);
      else cells.set(key, [box]);
    }
  };
  // A disc's middle half as a box of its own, with no gap kept to it: a name may graze the edge of
  // an organisation (tiers of groups stand a short name apart) but never runs across it.
  for (const d of discs) {
    const r = d.size / 2;
    const disc = { id: d.id, text: "", x: d.x - r, y: d.y - r, width: 2 * r, height: 2 * r };
    add(disc, keys(disc));
  }
  for (const candidate of candidates) {
    if (!candidate.text) continue;
    const box = labelBox(candidate, measure(candidate.text), metrics);
    const at = keys(box);
    const free = at.every((key) =>
      (cells.get(key) ?? []).every((other) =>
        other.text === "" ? other.id === box.id || !crowds(box, other, NO_GAP) : !crowds(box, other),
      ),
    );
    if (!free) continue;
    placed.push(box);
    add(box, at);
  }
  return placed;
}

const NO_GAP = { x: 0, y: 0 };

/** How many pairs of boxes overlap (what a test checks is 0); quadratic, for tests and checks. */
export function overlaps(boxes: LabelBox[]): number {
  let count = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (crowds(boxes[i] as LabelBox, boxes[j] as LabelBox, { x: 0, y: 0 })) count++;
  return count;
}
