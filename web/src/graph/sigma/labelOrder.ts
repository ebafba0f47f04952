import type { ExploreGraph } from "../dataset.ts";
import type { Highlight } from "./highlight.ts";
import { drawnLabel } from "./reducers.ts";

/**
 * Below this many organisations drawn, every one of them may be named (where its name fits);
 * from it on, as sigma would: only those drawn large enough to read (zoomed in), besides the ones
 * a chain cannot be read without. Past POINT_NODES_ABOVE that leaves the compromised alone at
 * first sight, as before.
 */
export const NAME_ALL_BELOW = 1000;

/** An organisation that may be named, in the order names are placed. */
export interface Ranked {
  id: string;
  /** The text drawn when it is named. */
  text: string;
  /** Named whatever its drawn size (the focused chain, the compromised, the intermediaries…). */
  always: boolean;
}

export interface LabelOrder {
  ranked: Ranked[];
  /** Every organisation drawn may be named (fewer than NAME_ALL_BELOW drawn). */
  all: boolean;
}

/**
 * The order in which organisations are named, so that where two names would overlap the one a
 * reader needs more wins: the focused organisation and its chain, the compromised, those that
 * entered or changed since an earlier answer, the intermediaries and largest (highlight.labelled),
 * then the rest by records, largest first (ties by id, so that the same view names the same).
 * Computed once per answer, click or layout; placing then walks it.
 */
export function labelOrder(graph: ExploreGraph, h: Highlight): LabelOrder {
  const entries: { id: string; text: string; rank: number; records: number }[] = [];
  graph.forEachNode((id, attributes) => {
    const text = drawnLabel(h, id, attributes.label);
    if (!text) return;
    const rank =
      id === h.focus
        ? 0
        : h.chainNodes.has(id)
          ? 1
          : h.compromised.has(id)
            ? 2
            : h.entered.has(id) || h.changed.has(id)
              ? 3
              : h.labelled.has(id)
                ? 4
                : 5;
    entries.push({ id, text, rank, records: attributes.records });
  });
  entries.sort(
    (a, b) => a.rank - b.rank || b.records - a.records || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    ranked: entries.map(({ id, text, rank }) => ({ id, text, always: rank < 5 })),
    all: entries.length < NAME_ALL_BELOW,
  };
}
