import { useContext, useMemo, useSyncExternalStore } from "react";
import type { ExploreGraph } from "./dataset.ts";
import { GraphStoreContext } from "./useGraph.ts";

/** An organisation as a sentence names it. */
export interface OrgRef {
  id: string;
  name?: string | null;
  nameEn?: string | null;
}

/** A contract as a sentence names it: its two ends and whose data it passes on. */
export interface ContractRef {
  id: string;
  consignor: string;
  contractor: string;
  /** These contracts into its consignor; null: all of the consignor's data. */
  carries: string[] | null;
  service: string | null;
  records: number | null;
}

/** What the panels look up to put contracts into words: names and ends, read from the graph. */
export interface Lookup {
  /** The organisation's names where the graph holds it, else `fallback`, else its id alone. */
  org: (id: string, fallback?: OrgRef) => OrgRef;
  /** The contract where the graph draws it (so that its panel can open), else null. */
  contract: (id: string) => ContractRef | null;
}

export function graphLookup(graph: ExploreGraph): Lookup {
  return {
    org: (id, fallback) => {
      if (!graph.hasNode(id)) return fallback ?? { id };
      const { name, nameEn } = graph.getNodeAttributes(id);
      return { id, name, nameEn };
    },
    contract: (id) => {
      if (!graph.hasEdge(id)) return null;
      const { carries, service, records } = graph.getEdgeAttributes(id);
      return { id, consignor: graph.source(id), contractor: graph.target(id), carries, service, records };
    },
  };
}

/** Without a graph (a panel rendered on its own): organisations by id, no contract drawn. */
const BY_ID: Lookup = { org: (id, fallback) => fallback ?? { id }, contract: () => null };
const NO_CHANGES = () => () => {};
const NO_SNAPSHOT = () => null;

/**
 * The lookup over the app's one graph; the component renders again whenever the graph changes, and
 * only then is the lookup a new one (so that what is worked out from it can be memoised on it).
 */
export function useLookup(): Lookup {
  const store = useContext(GraphStoreContext);
  const snapshot = store?.getSnapshot ?? NO_SNAPSHOT;
  const version = useSyncExternalStore(store?.subscribe ?? NO_CHANGES, snapshot, snapshot);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph changes in place; its snapshot says when.
  return useMemo(() => (store ? graphLookup(store.graph) : BY_ID), [store, version]);
}
