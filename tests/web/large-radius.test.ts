import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { BlastRadius } from "../../domain/index.ts";
import { createExploreGraph } from "../../web/src/graph/dataset.ts";
import { FOLD_ABOVE, layeredPositions } from "../../web/src/graph/layout.ts";
import {
  alwaysLabelled,
  computeHighlight,
  PLAIN_CONTRACTS_ABOVE,
  POINT_NODES_ABOVE,
} from "../../web/src/graph/sigma/highlight.ts";
import {
  edgeReducer,
  nodeReducer,
  PLAIN_EDGE_TYPE,
  POINT_NODE_TYPE,
  UNDISCLOSED_EDGE_TYPE,
} from "../../web/src/graph/sigma/reducers.ts";
import { syncGraph } from "../../web/src/graph/sync.ts";
import { DRAW_LIMIT } from "../../web/src/shared/api/client.ts";
import { parseState, scenarioParams } from "../../web/src/shared/state/urlState.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/**
 * A radius of `tiers[d - 1]` organisations at depth d, each with one contract to an organisation
 * of the tier before (the first of it), the first tier's to the compromised vendor v; every 20th
 * contract's records undisclosed.
 */
function radius(tiers: number[]): BlastRadius {
  const base = SMALL_RADIUS.affected[0] as BlastRadius["affected"][number];
  const affected = tiers.flatMap((n, d) =>
    Array.from({ length: n }, (_, i) => ({
      ...base,
      id: `t${d + 1}-${i}`,
      name: `t${d + 1}-${i}`,
      depth: d + 1,
      records: n - i,
      path: [] as string[],
      chain: [] as string[],
    })),
  );
  const contracts = affected.map((a, i) => ({
    id: `k${i}`,
    consignor: a.id,
    contractor: a.depth === 1 ? "v" : `t${a.depth - 1}-0`,
    records: i % 20 === 0 ? null : a.records,
    subjects: null,
    carries: null,
    source: null,
    confidence: "confirmed" as const,
  }));
  // Each organisation's chain: its own contract, then the chain of the first of the tier before.
  const index = new Map(affected.map((a, i) => [a.id, i]));
  for (const [i, a] of affected.entries()) {
    const next = a.depth === 1 ? null : affected[index.get(`t${a.depth - 1}-0`) as number];
    a.path = [a.id, ...(next ? next.path : ["v"])];
    a.chain = [`k${i}`, ...(next ? next.chain : [])];
  }
  return { ...SMALL_RADIUS, affected, contracts };
}

const graphOf = (impact: BlastRadius) => {
  const graph = createExploreGraph();
  syncGraph(graph, { overview: null, impact, neighbourhoods: [] }, "en");
  return graph;
};

describe("a radius of thousands, laid out in rough tiers", () => {
  const impact = radius([50, 1200, 600]);
  const positions = layeredPositions(graphOf(impact), impact);
  const tier = (depth: number) =>
    impact.affected
      .filter((a) => a.depth === depth)
      .map((a) => positions.get(a.id) as { x: number; y: number });
  const distinct = (values: number[]) =>
    [...new Set(values.map((v) => Math.round(v * 1000) / 1000))].sort((a, b) => a - b);

  it("keeps a tier of FOLD_ABOVE or fewer in one column", () => {
    expect(FOLD_ABOVE).toBe(200);
    expect(distinct(tier(1).map((p) => p.x))).toEqual([480]);
    expect(positions.get("v")).toEqual({ x: 720, y: -0 });
  });

  it("folds a larger tier into columns within its band, in square cells, as tall as the tallest unfolded tier", () => {
    // 1,200 in a band of 168 (0.7 × 240) and a height of 1,274 (26 × 49, the 50 of tier 1): 13 columns of 93.
    const xs = distinct(tier(2).map((p) => p.x));
    expect(xs).toHaveLength(13);
    expect([xs[0], xs[12]]).toEqual([156, 324]);
    const ys = tier(2).map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(1274, 6);
    // 600: 9 columns of 67, 21 apart.
    expect(distinct(tier(3).map((p) => p.x))).toEqual([-84, -63, -42, -21, 0, 21, 42, 63, 84]);
    // The largest first: top of the first column.
    expect(positions.get("t2-0")).toEqual({ x: 156, y: 637 });
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(positions.size);
  });
});

describe("a radius of thousands, drawn", () => {
  it("draws contracts as plain lines past PLAIN_CONTRACTS_ABOVE, and organisations as points past POINT_NODES_ABOVE", () => {
    expect([PLAIN_CONTRACTS_ABOVE, POINT_NODES_ABOVE]).toEqual([2000, 2000]);
    const at = computeHighlight(radius([1000, 1000]), null, null);
    expect([at.plainContracts, at.pointNodes]).toEqual([false, false]);
    const past = computeHighlight(radius([1000, 1001]), null, null);
    expect([past.plainContracts, past.pointNodes]).toEqual([true, true]);
  });

  it("keeps undisclosed contracts dashed and the focused chain an arrow, and draws points at a third of their size", () => {
    const impact = radius([1000, 1001]);
    const graph = graphOf(impact);
    const h = computeHighlight(impact, "t2-1", null);
    const edge = (id: string) => edgeReducer(h)(id, graph.getEdgeAttributes(id));
    // k1: t1-1 → v, 999 records; k0: t1-0 → v, undisclosed; k1001: t2-1 → t1-0, on the focused chain.
    expect(edge("k1")).toMatchObject({ type: PLAIN_EDGE_TYPE, size: 1 });
    expect(edge("k0").type).toBe(UNDISCLOSED_EDGE_TYPE);
    expect(edge("k1001").type).toBe("arrow");
    const node = nodeReducer(h)("t1-1", graph.getNodeAttributes("t1-1"));
    expect(node.type).toBe(POINT_NODE_TYPE);
    expect(node.size).toBeCloseTo(Math.max(1.5, graph.getNodeAttribute("t1-1", "size") * 0.35), 9);
    // Thousands of names would be drawn over each other: only the compromised are always named.
    expect(alwaysLabelled(impact)).toEqual(new Set(["v"]));
    expect(alwaysLabelled(radius([3, 2]))).toEqual(new Set(["v", "t1-0", "t1-1", "t1-2", "t2-0", "t2-1"]));
  });
});

describe("web/public/early.js", () => {
  const script = readFileSync(join(PROJECT_ROOT, "web", "public", "early.js"), "utf8");
  /** The paths early.js asks for on a URL. */
  const early = (search: string) => {
    const asked: string[] = [];
    const window: { __keiroEarly?: Record<string, unknown> } = {};
    runInNewContext(script, {
      window,
      location: { search },
      URLSearchParams,
      AbortController,
      fetch: (path: string, init: { signal: AbortSignal }) => {
        expect(init.signal).toBeInstanceOf(AbortSignal);
        asked.push(path);
        return Promise.resolve(null);
      },
    });
    expect(Object.keys(window.__keiroEarly ?? {})).toEqual(asked);
    return asked;
  };
  const app = (search: string) => `/api/impact?${scenarioParams(parseState(search))}&limit=${DRAW_LIMIT}`;

  it("asks for exactly the path the app will ask for a plain compromise", () => {
    for (const search of [
      "?vendor=isetoh",
      "?vendor=isetoh&lang=en&focus=seishin-shinkin&view=response",
      "?vendor=a&vendor=b%20c&as-of=2024-05-26&max-depth=2&enforce-retention=true",
      "?max-depth=1&vendor=%E3%82%A4",
    ])
      expect(early(search)).toEqual([app(search)]);
  });

  it("asks nothing for the overview or a what-if (the app asks for those itself)", () => {
    expect(early("")).toEqual([]);
    expect(early("?lang=en")).toEqual([]);
    expect(early("?vendor=isetoh&exclude-org=tsb")).toEqual([]);
    expect(early("?vendor=isetoh&exclude-contract=k1")).toEqual([]);
  });
});
