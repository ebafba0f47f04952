import { describe, expect, it } from "vitest";
import type { BlastRadius, Neighbourhood, Overview, OverviewNode } from "../../domain/index.ts";
import { COMPROMISED_COLOUR, DIMMED_COLOUR, depthColour } from "../../web/src/graph/appearance.ts";
import type { GraphSources } from "../../web/src/graph/dataset.ts";
import { computeHighlight } from "../../web/src/graph/sigma/highlight.ts";
import { edgeReducer, nodeReducer } from "../../web/src/graph/sigma/reducers.ts";
import { GraphStore } from "../../web/src/graph/store.ts";
import { buildGraph, syncGraph } from "../../web/src/graph/sync.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** The small radius with English names for v and a (b and c have none). */
const RADIUS: BlastRadius = {
  ...SMALL_RADIUS,
  compromised: SMALL_RADIUS.compromised.map((o) => ({ ...o, nameEn: "Vee" })),
  affected: SMALL_RADIUS.affected.map((o) => (o.id === "a" ? { ...o, nameEn: "Aye" } : o)),
};

/** The same vendor with max depth 1: c (depth 2, through a) leaves. */
const SHALLOW: BlastRadius = {
  ...RADIUS,
  affected: RADIUS.affected.filter((o) => o.depth === 1),
  contracts: RADIUS.contracts.filter((c) => c.id !== "k3"),
};

const node = (id: string, extra: Partial<OverviewNode> = {}): OverviewNode => ({
  id,
  name: id.toUpperCase(),
  nameEn: null,
  kind: "company",
  region: null,
  degree: 1,
  records: 5,
  undisclosed: 0,
  ...extra,
});

/** An overview holding c and an organisation outside the radius, x, with a contract between them. */
const OVERVIEW: Overview = {
  nodes: [node("x"), node("c", { records: 900 })],
  contracts: [{ id: "kx", consignor: "x", contractor: "c", records: 5, service: null }],
  total: { organisations: 2, contracts: 1 },
  contractsAmong: 1,
  truncated: false,
};

const NEIGHBOURHOOD: Neighbourhood = {
  centre: node("x"),
  neighbours: [node("y")],
  contracts: [{ id: "ky", consignor: "y", contractor: "x", records: null, service: "mail", subjects: null }],
  contractsTotal: 1,
  truncated: false,
};

const sources = (s: Partial<GraphSources>): GraphSources => ({
  overview: null,
  impact: null,
  neighbourhoods: [],
  ...s,
});

/** Every graph event the sigma view would react to, counted by name. */
function recordEvents(store: GraphStore): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of [
    "nodeAdded",
    "nodeDropped",
    "edgeAdded",
    "edgeDropped",
    "cleared",
    "nodeAttributesUpdated",
    "eachNodeAttributesUpdated",
  ])
    store.graph.on(name as "nodeAdded", () => {
      counts[name] = (counts[name] ?? 0) + 1;
    });
  return counts;
}

describe("the one graph, changed in place", () => {
  it("is the same graph object after a language change and after a new answer", () => {
    const store = new GraphStore("ja");
    const graph = store.graph;
    store.setSources(sources({ impact: RADIUS }));
    store.setLanguage("en");
    store.setSources(sources({ impact: SHALLOW }));
    store.setSources(sources({ overview: OVERVIEW, impact: SHALLOW, neighbourhoods: [NEIGHBOURHOOD] }));
    store.setSources(sources({ overview: OVERVIEW }));
    expect(store.graph).toBe(graph);
    expect(graph.nodes().sort()).toEqual(["c", "x"]);
  });

  it("relabels in the new language with one event and nothing else: no node added, dropped or moved", () => {
    const store = new GraphStore("ja");
    store.setSources(sources({ impact: RADIUS }));
    const before = store.graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y }));
    const { layoutRun } = store.getSnapshot();
    const events = recordEvents(store);
    const hints: unknown[] = [];
    store.graph.on("eachNodeAttributesUpdated", (e) => hints.push(e.hints));

    store.setLanguage("en");
    expect(store.graph.mapNodes((id, a) => [id, a.label])).toEqual([
      ["v", "Vee"],
      ["a", "Aye"],
      ["b", "B"],
      ["c", "C"],
    ]);
    expect(events).toEqual({ eachNodeAttributesUpdated: 1 });
    expect(hints).toEqual([{ attributes: ["label"] }]);
    expect(store.graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y }))).toEqual(before);
    expect(store.getSnapshot().layoutRun).toBe(layoutRun);

    store.setLanguage("ja");
    expect(store.graph.getNodeAttribute("a", "label")).toBe("A");
  });

  it("drops the organisations that leave the radius and adds those that enter, touching no other", () => {
    const store = new GraphStore("en");
    store.setSources(sources({ impact: RADIUS }));
    const events = recordEvents(store);
    const dropped: string[] = [];
    store.graph.on("nodeDropped", ({ key }) => dropped.push(key));

    store.setSources(sources({ impact: SHALLOW }));
    expect(dropped).toEqual(["c"]);
    expect(store.graph.nodes()).toEqual(["v", "a", "b"]);
    expect(store.graph.edges().sort()).toEqual(["k1", "k2"]);
    expect(events).toMatchObject({ nodeDropped: 1, edgeDropped: 1 });
    expect(events.nodeAdded).toBeUndefined();
    expect(events.cleared).toBeUndefined();

    // c comes back with the overview, as an organisation outside the radius, labelled in English.
    store.setSources(sources({ overview: OVERVIEW, impact: SHALLOW }));
    expect(store.graph.nodes().sort()).toEqual(["a", "b", "c", "v", "x"]);
    expect(store.graph.getNodeAttributes("c")).toMatchObject({ label: "C", records: 900 });
    expect(events).toMatchObject({ nodeAdded: 2, nodeDropped: 1 });
  });

  it("holds exactly what a graph built afresh from the same answers holds, whatever came before", () => {
    const steps: GraphSources[] = [
      sources({ impact: RADIUS }),
      sources({ overview: OVERVIEW, impact: RADIUS }),
      sources({ overview: OVERVIEW, impact: SHALLOW, neighbourhoods: [NEIGHBOURHOOD] }),
      sources({ overview: OVERVIEW, neighbourhoods: [NEIGHBOURHOOD] }),
      sources({ impact: SHALLOW }),
      sources({}),
      sources({ overview: OVERVIEW, impact: RADIUS }),
    ];
    const facts = (g: ReturnType<typeof buildGraph>) => ({
      nodes: g.mapNodes((id, { x: _x, y: _y, ...a }) => [id, a]).sort(),
      edges: g.mapEdges((id, a, s, t) => [id, s, t, a]).sort(),
    });
    const store = new GraphStore("ja");
    for (const [i, step] of steps.entries()) {
      const lang = i % 2 === 0 ? "ja" : "en";
      store.setLanguage(lang);
      store.setSources(step);
      expect(facts(store.graph)).toEqual(
        facts(buildGraph(lang, step.overview, step.impact, step.neighbourhoods)),
      );
    }
  });

  it("lays a radius out in tiers, starts the overview on a circle, and seats newcomers beside a neighbour", () => {
    const store = new GraphStore("ja");
    store.setSources(sources({ impact: RADIUS }));
    expect(store.getSnapshot()).toMatchObject({ layout: "layered", layoutRun: 1 });
    expect(["c", "a", "v"].map((id) => store.graph.getNodeAttribute(id, "x"))).toEqual([0, 240, 480]);

    store.setSources(sources({ overview: OVERVIEW }));
    expect(store.getSnapshot()).toMatchObject({ layout: "force", layoutRun: 2 });
    expect(store.graph.getNodeAttributes("x")).toMatchObject({ x: 100, y: 0 });

    // ForceAtlas2 moved x; an expanded neighbour y starts next to it, and x stays where it was.
    store.graph.mergeNodeAttributes("x", { x: 500, y: 500 });
    store.setSources(sources({ overview: OVERVIEW, neighbourhoods: [NEIGHBOURHOOD] }));
    expect(store.getSnapshot()).toMatchObject({ layout: "force", layoutRun: 3 });
    expect(store.graph.getNodeAttributes("x")).toMatchObject({ x: 500, y: 500 });
    const y = store.graph.getNodeAttributes("y");
    expect(Math.hypot(y.x - 500, y.y - 500)).toBeCloseTo(10);
  });

  it("tells the view once before and once after each new answer (it detaches meanwhile), never per node", () => {
    const store = new GraphStore("ja");
    const calls: string[] = [];
    store.onBulkChange({ before: () => calls.push("before"), after: () => calls.push("after") });
    let notified = 0;
    store.subscribe(() => notified++);
    store.setSources(sources({ overview: OVERVIEW, impact: RADIUS }));
    store.setSources(sources({ overview: OVERVIEW, impact: SHALLOW }));
    store.setLanguage("en");
    // The same answers again change nothing.
    store.setSources(sources({ overview: OVERVIEW, impact: SHALLOW }));
    expect(calls).toEqual(["before", "after", "before", "after"]);
    expect(notified).toBe(3);
  });

  it("syncs into any graph and reports what entered and left", () => {
    const graph = buildGraph("ja", null, RADIUS, []);
    expect(syncGraph(graph, sources({ impact: SHALLOW }), "ja")).toMatchObject({ added: [], dropped: ["c"] });
    expect(syncGraph(graph, sources({ impact: RADIUS }), "ja")).toMatchObject({ added: ["c"], dropped: [] });
  });
});

describe("the highlight, drawn by reducers", () => {
  const graph = buildGraph("ja", OVERVIEW, RADIUS, []);
  const h = computeHighlight(RADIUS, "c", null);
  const drawNode = (id: string) => nodeReducer(h)(id, graph.getNodeAttributes(id));
  const drawEdge = (id: string) => edgeReducer(h)(id, graph.getEdgeAttributes(id));

  it("colours the radius by depth, dims the rest, and raises the focused chain", () => {
    expect(drawNode("v")).toMatchObject({ color: COMPROMISED_COLOUR, highlighted: true, zIndex: 4 });
    expect(drawNode("b")).toMatchObject({ color: depthColour(1), zIndex: 2 });
    expect(drawNode("x")).toMatchObject({ color: DIMMED_COLOUR, label: "", zIndex: 0 });
    expect(graph.getNodeAttribute("x", "label")).toBe("X");
  });

  it("hides contracts outside the radius and thickens the chain's", () => {
    expect(drawEdge("kx")).toMatchObject({ hidden: true });
    expect(drawEdge("k2")).toMatchObject({ color: "#e6843a", zIndex: 2 });
    expect(drawEdge("k3").size).toBeCloseTo(graph.getEdgeAttribute("k3", "size") * 3);
  });
});
