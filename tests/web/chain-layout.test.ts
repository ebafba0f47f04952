import { afterEach, describe, expect, it, vi } from "vitest";
import type { BlastRadius, CountedContract } from "../../domain/index.ts";
import { chainLayout, TIER_GAP } from "../../web/src/graph/chainLayout.ts";
import { ChainLayoutRunner, chainLayoutInput, chainLayoutKey } from "../../web/src/graph/chainRunner.ts";
import type { GraphSources } from "../../web/src/graph/dataset.ts";
import { alwaysLabelled, computeHighlight, LABELLED_LARGEST } from "../../web/src/graph/sigma/highlight.ts";
import {
  contractWidth,
  edgeReducer,
  nodeReducer,
  UNDISCLOSED_EDGE_TYPE,
} from "../../web/src/graph/sigma/reducers.ts";
import { CHAIN_LAYOUT_MAX, GraphStore } from "../../web/src/graph/store.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

const sources = (s: Partial<GraphSources>): GraphSources => ({
  overview: null,
  impact: null,
  neighbourhoods: [],
  ...s,
});

const contract = (
  id: string,
  consignor: string,
  contractor: string,
  records: number | null,
): CountedContract => ({
  id,
  consignor,
  contractor,
  records,
  subjects: null,
  carries: null,
  source: null,
  confidence: "confirmed",
});

/**
 * A wider radius: v compromised; two intermediaries i1, i2 at depth 1 with three clients each at
 * depth 2 (listed interleaved, so that drawing them in the answer's order would cross), 20 direct
 * clients of v at depth 1, one client at depth 3 behind c1a, and a depth-1 client d0 that also
 * contracts i1 (a contract within a tier).
 */
function wideRadius(): BlastRadius {
  const base = SMALL_RADIUS.affected[0] as BlastRadius["affected"][number];
  const org = (id: string, depth: number, records: number, undisclosed = 0) => ({
    ...base,
    id,
    name: `${id} 名`,
    nameEn: `${id} name`,
    depth,
    records,
    undisclosed,
    path: [id],
    chain: [],
  });
  const affected = [
    org("i1", 1, 500),
    org("i2", 1, 400),
    ...Array.from({ length: 20 }, (_, i) => org(`d${i}`, 1, (i + 1) * 1000, i % 4 === 0 ? 1 : 0)),
    org("c1a", 2, 5),
    org("c2a", 2, 6),
    org("c1b", 2, 7),
    org("c2b", 2, 8),
    org("c1c", 2, 9),
    org("c2c", 2, 10),
    org("e", 3, 3),
  ];
  const contracts = [
    contract("k-i1", "i1", "v", 500),
    contract("k-i2", "i2", "v", 400),
    ...Array.from({ length: 20 }, (_, i) =>
      contract(`k-d${i}`, `d${i}`, "v", i % 4 === 0 ? null : (i + 1) * 1000),
    ),
    ...["a", "b", "c"].flatMap((s) => [
      contract(`k-c1${s}`, `c1${s}`, "i1", 5),
      contract(`k-c2${s}`, `c2${s}`, "i2", 6),
    ]),
    contract("k-e", "e", "c1a", 3),
    contract("k-d0-i1", "d0", "i1", null),
  ];
  return {
    ...SMALL_RADIUS,
    compromised: [{ id: "v", name: "V 名", nameEn: "Vendor", kind: "print_mail_vendor" }],
    affected,
    contracts,
  };
}

const WIDE = wideRadius();

const depthOf = (impact: BlastRadius, id: string) =>
  impact.compromised.some((c) => c.id === id) ? 0 : (impact.affected.find((a) => a.id === id)?.depth ?? -1);

/** Pairs of contracts between the same two tiers whose arrows cross. */
function crossings(impact: BlastRadius, y: (id: string) => number): number {
  const spans = impact.contracts.filter(
    (c) => depthOf(impact, c.consignor) === depthOf(impact, c.contractor) + 1,
  );
  let n = 0;
  for (const [i, a] of spans.entries())
    for (const b of spans.slice(i + 1)) {
      if (depthOf(impact, a.consignor) !== depthOf(impact, b.consignor)) continue;
      if ((y(a.consignor) - y(b.consignor)) * (y(a.contractor) - y(b.contractor)) < 0) n++;
    }
  return n;
}

describe("the chain layout (dagre)", () => {
  const input = chainLayoutInput(WIDE, () => 6);
  const p = chainLayout(input);
  const at = (id: string) => p[id] as { x: number; y: number };

  it("puts each depth in a tier of its own, x growing toward the compromised vendor", () => {
    for (const n of input.nodes) expect(at(n.id).x).toBe((3 - n.depth) * TIER_GAP);
    expect(new Set(Object.values(p).map((q) => q.x))).toEqual(new Set([0, 1, 2, 3].map((d) => d * TIER_GAP)));
    expect(Object.keys(p).sort()).toEqual(input.nodes.map((n) => n.id).sort());
  });

  it("never puts two organisations of a tier in the same place", () => {
    const seen = new Set(Object.values(p).map((q) => `${q.x},${q.y.toFixed(3)}`));
    expect(seen.size).toBe(input.nodes.length);
  });

  it("orders each tier so that no two contracts between tiers cross (the answer's own order would)", () => {
    expect(crossings(WIDE, (id) => at(id).y)).toBe(0);
    // The answer's order, as the tiers were drawn before: clients interleaved, contracts crossing.
    const row = (id: string) => {
      const tier = [...WIDE.compromised.map((c) => c.id), ...WIDE.affected.map((a) => a.id)].filter(
        (other) => depthOf(WIDE, other) === depthOf(WIDE, id),
      );
      return tier.indexOf(id);
    };
    expect(crossings(WIDE, row)).toBeGreaterThan(0);
  });

  it("keeps the tallest tier about as tall as the tiers are wide over the view's aspect", () => {
    const ys = Object.values(p).map((q) => q.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo((3 * TIER_GAP) / input.aspect);
  });

  it("puts every compromised vendor in the rightmost tier, even one with a shallower radius", () => {
    const two: BlastRadius = {
      ...WIDE,
      compromised: [...WIDE.compromised, { id: "w", name: "W", nameEn: null, kind: null }],
      affected: [
        ...WIDE.affected,
        { ...(WIDE.affected[0] as BlastRadius["affected"][number]), id: "z", depth: 1 },
      ],
      contracts: [...WIDE.contracts, contract("k-z", "z", "w", 1)],
    };
    const q = chainLayout(chainLayoutInput(two, () => 6));
    expect(q.w?.x).toBe(3 * TIER_GAP);
    expect(q.v?.x).toBe(3 * TIER_GAP);
    expect(q.z?.x).toBe(2 * TIER_GAP);
  });
});

describe("the store draws a blast radius as chains", () => {
  const OVERVIEW = {
    nodes: [
      {
        id: "x",
        name: "X",
        nameEn: null,
        kind: "company",
        region: null,
        degree: 1,
        records: 5,
        undisclosed: 0,
      },
    ],
    contracts: [{ id: "kx", consignor: "x", contractor: "i1", records: 5, service: null }],
    total: { organisations: 1, contracts: 1 },
    contractsAmong: 1,
    truncated: false,
  };
  const store = new GraphStore("en", new ChainLayoutRunner(false));
  store.setSources(sources({ overview: OVERVIEW, impact: WIDE }));
  const graph = store.graph;
  const h = computeHighlight(WIDE, null, null);
  const drawNode = (id: string) => nodeReducer(h)(id, graph.getNodeAttributes(id));
  const drawEdge = (id: string) => edgeReducer(h)(id, graph.getEdgeAttributes(id));

  it("lays the radius out by depth, and the organisation outside it inside the frame", () => {
    expect(["e", "c1a", "i1", "v"].map((id) => graph.getNodeAttribute(id, "x"))).toEqual(
      [0, 1, 2, 3].map((d) => d * TIER_GAP),
    );
    const xs = graph.filterNodes((id) => id !== "x").map((id) => graph.getNodeAttribute(id, "x"));
    const ys = graph.filterNodes((id) => id !== "x").map((id) => graph.getNodeAttribute(id, "y"));
    const { x, y } = graph.getNodeAttributes("x");
    expect(x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(x).toBeLessThanOrEqual(Math.max(...xs));
    expect(y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it("draws every counted contract as an arrow consignor → contractor, wider with more records", () => {
    for (const c of WIDE.contracts) {
      expect(graph.hasEdge(c.id)).toBe(true);
      expect([graph.source(c.id), graph.target(c.id)]).toEqual([c.consignor, c.contractor]);
      expect(drawEdge(c.id).hidden).toBeFalsy();
    }
    expect(drawEdge("k-d19").size).toBeCloseTo(contractWidth(20_000));
    expect(drawEdge("k-d19").size as number).toBeGreaterThan(drawEdge("k-i1").size as number);
    expect(drawEdge("k-i1").size as number).toBeGreaterThan(drawEdge("k-c1a").size as number);
  });

  it("draws contracts of undisclosed records dashed and thinnest, the others as plain arrows", () => {
    expect(drawEdge("k-d0")).toMatchObject({ type: UNDISCLOSED_EDGE_TYPE, size: 1 });
    expect(drawEdge("k-d0-i1").type).toBe(UNDISCLOSED_EDGE_TYPE);
    expect(drawEdge("k-d1").type).toBe("arrow");
  });

  it("hides the organisations and contracts outside the radius (no grid of dots)", () => {
    expect(drawNode("x")).toMatchObject({ hidden: true, label: "" });
    expect(drawEdge("kx")).toMatchObject({ hidden: true });
    for (const id of graph.nodes()) if (id !== "x") expect(drawNode(id).hidden).toBeFalsy();
  });

  it("shows a spared organisation again when it is focused", () => {
    const focused = computeHighlight(WIDE, "x", null);
    expect(nodeReducer(focused)("x", graph.getNodeAttributes("x"))).toMatchObject({
      hidden: false,
      forceLabel: true,
      label: "X",
    });
  });

  it("always labels the compromised vendor, the intermediaries and the largest affected ones", () => {
    const forced = graph.filterNodes((id) => drawNode(id).forceLabel === true).sort();
    const largest = [...WIDE.affected]
      .sort((a, b) => b.records - a.records)
      .slice(0, LABELLED_LARGEST)
      .map((a) => a.id);
    expect(forced).toEqual([...new Set(["v", "i1", "i2", "c1a", ...largest])].sort());
    expect(forced).toContain("c1a"); // small, but e's data passes through it
    expect(drawNode("e").forceLabel).toBe(false); // small and passes nothing on
    expect(drawNode("v")).toMatchObject({ forceLabel: true, label: "Vendor" });
    // b's records are undisclosed (0 known) and it passes nothing on: not among the largest.
    expect(alwaysLabelled(SMALL_RADIUS)).toEqual(new Set(["v", "a", "c"]));
  });

  it("labels in the chosen language, and cuts a long name short (the tooltip tells it whole)", () => {
    store.setLanguage("ja");
    expect(drawNode("v").label).toBe("V 名");
    store.setLanguage("en");
    graph.setNodeAttribute("i1", "label", "A very long organisation name that runs into the next tier");
    // 36 columns (a Latin letter takes one), the last of them "…".
    expect(drawNode("i1").label).toBe("A very long organisation name that …");
  });
});

describe("the layout cache", () => {
  it("returns the same positions for the same answer, and lays out anew for another", () => {
    const runner = new ChainLayoutRunner(false);
    const key = chainLayoutKey(WIDE);
    const first = runner.layout(key, () => chainLayoutInput(WIDE, () => 6));
    let asked = 0;
    const again = runner.layout(key, () => {
      asked++;
      return chainLayoutInput(WIDE, () => 6);
    });
    expect(again).toBe(first);
    expect(asked).toBe(0);
    expect(runner.cached(key)).toBe(first);
    // The same organisations in another order are the same answer; another scenario is not.
    expect(chainLayoutKey({ ...WIDE, affected: [...WIDE.affected].reverse() })).toBe(key);
    expect(chainLayoutKey({ ...WIDE, scenario: { ...WIDE.scenario, maxDepth: 2 } })).not.toBe(key);
    expect(chainLayoutKey(SMALL_RADIUS)).not.toBe(key);
  });

  it("puts an answer back where it was when the store returns to it", () => {
    const store = new GraphStore("ja", new ChainLayoutRunner(false));
    const positions = () => store.graph.mapNodes((id, a) => [id, a.x, a.y]);
    store.setSources(sources({ impact: WIDE }));
    const before = positions();
    store.setSources(sources({ impact: SMALL_RADIUS }));
    store.setSources(sources({ impact: { ...WIDE } }));
    expect(positions()).toEqual(before);
  });
});

describe("the layout in a web worker", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A stand-in for the browser's Worker: answers each request on a later task, as a worker would. */
  class FakeWorker {
    static made = 0;
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: (() => void) | null = null;
    constructor() {
      FakeWorker.made++;
    }
    postMessage(message: { id: number; input: Parameters<typeof chainLayout>[0] }) {
      setTimeout(
        () => this.onmessage?.({ data: { id: message.id, positions: chainLayout(message.input) } }),
        5,
      );
    }
    terminate() {}
  }

  it("keeps a radius of more than CHAIN_LAYOUT_MAX organisations in rough tiers, asking no worker", () => {
    vi.stubGlobal("Worker", FakeWorker);
    const before = FakeWorker.made;
    const many = Array.from({ length: CHAIN_LAYOUT_MAX + 1 }, (_, i) => ({
      ...(SMALL_RADIUS.affected[0] as BlastRadius["affected"][0]),
      id: `o${i}`,
      path: [`o${i}`, "v"],
      chain: [`k${i}`],
    }));
    const big: BlastRadius = {
      ...SMALL_RADIUS,
      affected: many,
      contracts: many.map((a, i) => ({
        id: `k${i}`,
        consignor: a.id,
        contractor: "v",
        records: 1,
        subjects: null,
        carries: null,
        source: null,
        confidence: "confirmed",
      })),
      totals: { ...SMALL_RADIUS.totals, organisations: many.length },
    };
    const store = new GraphStore("en", new ChainLayoutRunner(true));
    const run = store.getSnapshot().layoutRun;
    store.setSources(sources({ impact: big }));
    expect(FakeWorker.made).toBe(before);
    // The tier of 1,001 is folded into columns over 0.7 of the gap between tiers, the largest first.
    expect(store.graph.getNodeAttribute("o0", "x")).toBeCloseTo(-0.35 * TIER_GAP, 9);
    expect(store.graph.getNodeAttribute(`o${CHAIN_LAYOUT_MAX}`, "x")).toBeCloseTo(0.35 * TIER_GAP, 9);
    expect(store.graph.getNodeAttribute("v", "x")).toBe(TIER_GAP);
    expect(store.getSnapshot().layoutRun).toBe(run + 1);
  });

  it("shows rough tiers at once, then the chains when the worker answers, and ignores a stale answer", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const store = new GraphStore("en", new ChainLayoutRunner(true));
    store.setSources(sources({ impact: WIDE }));
    const run = store.getSnapshot().layoutRun;
    const rough = store.graph.getNodeAttribute("e", "x");
    expect(rough).toBe(0);
    await vi.waitFor(() => expect(store.getSnapshot().layoutRun).toBe(run + 1));
    const expected = chainLayout(chainLayoutInput(WIDE, (id) => store.graph.getNodeAttribute(id, "size")));
    expect(store.graph.getNodeAttribute("i1", "y")).toBeCloseTo(expected.i1?.y ?? Number.NaN);
    expect(FakeWorker.made).toBe(1);

    // A newer answer arrives before the worker has laid out the one before: only the newer is applied.
    const shallow = { ...WIDE, scenario: { ...WIDE.scenario, maxDepth: 1 } };
    store.setSources(sources({ impact: shallow }));
    store.setSources(sources({ impact: SMALL_RADIUS }));
    const settled = store.getSnapshot().layoutRun;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(store.getSnapshot().layoutRun).toBe(settled + 1);
    expect(store.graph.nodes().sort()).toEqual(["a", "b", "c", "v"]);
    expect(FakeWorker.made).toBe(1);
  });
});
