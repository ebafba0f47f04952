import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore } from "react";
import type { Lang } from "../shared/i18n/strings.ts";
import type { GraphSources } from "./dataset.ts";
import { type GraphSnapshot, GraphStore } from "./store.ts";

export const GraphStoreContext = createContext<GraphStore | null>(null);

/** The app's one graph store (App provides it). */
export function useGraphStore(): GraphStore {
  const store = useContext(GraphStoreContext);
  if (!store) throw new Error("useGraphStore needs a GraphStoreContext above it");
  return store;
}

/** Renders again whenever the graph changes or is laid out anew. */
export function useGraphSnapshot(): GraphSnapshot {
  const store = useGraphStore();
  // The same snapshot on the server, so that panels render statically too (the component tests).
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * Creates the store once and keeps its graph in line with the answers and the language. Layout
 * effects, so that the graph has changed before any view controller's effect reads it.
 */
export function useGraphDataset({ overview, impact, neighbourhoods }: GraphSources, lang: Lang): GraphStore {
  const [store] = useState(() => new GraphStore(lang));
  useLayoutEffect(() => store.setLanguage(lang), [store, lang]);
  useLayoutEffect(
    () => store.setSources({ overview, impact, neighbourhoods }),
    [store, overview, impact, neighbourhoods],
  );
  return store;
}
