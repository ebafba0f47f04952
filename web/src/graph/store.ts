import type { BlastRadius } from "../../../domain/index.ts";
import type { Lang } from "../shared/i18n/strings.ts";
import { ChainLayoutRunner, chainLayoutInput, chainLayoutKey } from "./chainRunner.ts";
import { createExploreGraph, type ExploreGraph, type GraphSources, NO_SOURCES } from "./dataset.ts";
import { isGroupNode, isProvisional } from "./groups.ts";
import {
  applyPositions,
  besideNeighbours,
  circlePositions,
  layeredPositions,
  withTheRestInside,
} from "./layout.ts";
import { relabel, syncGraph } from "./sync.ts";

/** Above this many affected organisations a blast radius keeps its rough tiers (no dagre). */
export const CHAIN_LAYOUT_MAX = 1000;

/** Width over height of the view a grouped drawing is spread over (the graph beside the side panel). */
const GROUPED_ASPECT = 1.1;

/** A blast radius is laid out in tiers; the overview by ForceAtlas2 (in the view, in a worker). */
export type LayoutMode = "layered" | "force";

export interface GraphSnapshot {
  /** Changes whenever the graph does: panels that read it render again. */
  version: number;
  layout: LayoutMode;
  /** Changes whenever positions were laid anew: the view resets its camera or runs ForceAtlas2. */
  layoutRun: number;
  /** A worker is laying the shown blast radius out as chains: positions will move once more. */
  laying: boolean;
  /** What is drawn stands in for what is on its way (a radius's groups): more will be drawn. */
  pending: boolean;
}

/** Told before and after a change of many organisations at once (the view detaches meanwhile). */
export interface BulkListener {
  before: () => void;
  after: () => void;
}

const sameSources = (a: GraphSources, b: GraphSources) =>
  a.overview === b.overview &&
  a.impact === b.impact &&
  (a.neighbourhoods === b.neighbourhoods || (a.neighbourhoods.length === 0 && b.neighbourhoods.length === 0));

/**
 * The explorer's graph dataset: one graphology graph for the app's lifetime, the single source of
 * truth that sigma draws and panels read. New answers and a new language change it in place;
 * React components follow it through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */
export class GraphStore {
  readonly graph: ExploreGraph = createExploreGraph();
  private sources: GraphSources = NO_SOURCES;
  private lang: Lang;
  private laidOut: LayoutMode | null = null;
  private snapshot: GraphSnapshot = {
    version: 0,
    layout: "force",
    layoutRun: 0,
    laying: false,
    pending: false,
  };
  /** The blast radius a worker is laying out, if any (only the one still shown counts). */
  private layingFor: BlastRadius | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly bulkListeners = new Set<BulkListener>();
  /** Lays blast radii out as chains (in a worker where there is one) and remembers them. */
  private readonly chains: ChainLayoutRunner;

  constructor(lang: Lang = "ja", chains: ChainLayoutRunner = new ChainLayoutRunner()) {
    this.lang = lang;
    this.chains = chains;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): GraphSnapshot => this.snapshot;

  onBulkChange(listener: BulkListener): () => void {
    this.bulkListeners.add(listener);
    return () => this.bulkListeners.delete(listener);
  }

  /** New answers: organisations and contracts enter, leave or change in place; positions follow. */
  setSources(sources: GraphSources): void {
    if (sameSources(sources, this.sources)) return;
    const previous = this.sources;
    this.sources = sources;
    const layout: LayoutMode = sources.impact ? "layered" : "force";
    let laidAnew = false;
    for (const listener of this.bulkListeners) listener.before();
    try {
      const change = syncGraph(this.graph, sources, this.lang);
      const moved = change.added.length > 0 || change.dropped.length > 0;
      if (sources.impact) {
        laidAnew = moved || this.laidOut !== layout || sources.impact !== previous.impact;
        if (laidAnew) this.layChains(sources.impact);
      } else if (this.laidOut !== layout) {
        laidAnew = true;
        applyPositions(this.graph, circlePositions(this.graph, change.order));
      } else if (moved) {
        // ForceAtlas2 runs again from where the organisations are; newcomers start beside a neighbour.
        laidAnew = true;
        applyPositions(this.graph, besideNeighbours(this.graph, change.added));
      }
      if (laidAnew) this.laidOut = layout;
    } finally {
      for (const listener of this.bulkListeners) listener.after();
    }
    if (this.layingFor !== sources.impact) this.layingFor = null;
    const { layoutRun } = this.snapshot;
    this.publish({
      layout,
      layoutRun: laidAnew ? layoutRun + 1 : layoutRun,
      laying: this.layingFor !== null,
      pending: isProvisional(sources.impact),
    });
  }

  /**
   * Lays a blast radius out as chains: at once when the answer was laid out before (or there is
   * no worker), else roughly in tiers now and as chains when the worker answers, if the answer is
   * still the one shown then.
   */
  private layChains(impact: BlastRadius): void {
    // dagre orders thousands of nodes in seconds: a radius that large is drawn in rough tiers
    // at once (a chain of such a radius is read by focusing one organisation anyway).
    // A grouped drawing links each group only to the largest of the next tier: dagre would stagger
    // the tiers into a diagonal; columns spread over the view, largest first, read better.
    if (impact.affected.some((a) => isGroupNode(a.id))) {
      applyPositions(this.graph, layeredPositions(this.graph, impact, { aspect: GROUPED_ASPECT }));
      return;
    }
    if (impact.affected.length > CHAIN_LAYOUT_MAX) {
      applyPositions(this.graph, layeredPositions(this.graph, impact));
      return;
    }
    const laid = this.chains.layout(chainLayoutKey(impact), () =>
      chainLayoutInput(impact, (id) =>
        this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, "size") : 4,
      ),
    );
    if (!(laid instanceof Promise)) {
      applyPositions(this.graph, withTheRestInside(this.graph, laid));
      return;
    }
    applyPositions(this.graph, layeredPositions(this.graph, impact));
    this.layingFor = impact;
    void laid.then((positions) => {
      if (this.sources.impact !== impact) return;
      this.layingFor = null;
      applyPositions(this.graph, withTheRestInside(this.graph, positions));
      this.publish({ layoutRun: this.snapshot.layoutRun + 1, laying: false });
    });
  }

  /** Labels follow the language; nothing else changes. */
  setLanguage(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    relabel(this.graph, lang);
    this.publish({});
  }

  private publish(change: Partial<GraphSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
