import { describe, expect, it } from "vitest";
import { labelIn } from "../../locale/index.ts";
import { createExploreGraph } from "../../web/src/graph/dataset.ts";
import { computeHighlight } from "../../web/src/graph/sigma/highlight.ts";
import { labelOrder, NAME_ALL_BELOW } from "../../web/src/graph/sigma/labelOrder.ts";
import {
  crowds,
  type LabelCandidate,
  labelBox,
  overlaps,
  placeLabels,
} from "../../web/src/graph/sigma/labels.ts";
import { columns, nodeReducer, shortLabel } from "../../web/src/graph/sigma/reducers.ts";
import { syncGraph } from "../../web/src/graph/sync.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** Every character 7 px wide; a 14 px font 13 px above its baseline and 4 below. */
const measure = (text: string) => 7 * text.length;
const METRICS = { size: 14, ascent: 13, descent: 4 };
const at = (id: string, x: number, y: number, text = id, size = 4): LabelCandidate => ({
  id,
  text,
  x,
  y,
  size,
});

describe("placing names so that none overlap", () => {
  it("puts a label where sigma writes it: right of the disc, around the baseline a third of the size down", () => {
    expect(labelBox(at("a", 100, 50, "abc", 5), 21, METRICS)).toEqual({
      id: "a",
      text: "abc",
      x: 108,
      y: 50 + 14 / 3 - 13,
      width: 21,
      height: 17,
    });
  });

  it("names every organisation of a column whose rows are a label apart, and every other one when they are half that", () => {
    const column = (pitch: number) =>
      Array.from({ length: 29 }, (_, i) => at(`o${i}`, 0, i * pitch, "Toyota City"));
    expect(placeLabels(column(20), measure, METRICS)).toHaveLength(29);
    const crowded = placeLabels(column(10), measure, METRICS);
    expect(crowded.map((b) => b.id)).toEqual(Array.from({ length: 15 }, (_, i) => `o${2 * i}`));
    expect(overlaps(crowded)).toBe(0);
  });

  it("places in the order given: a later label that would overlap an earlier one is left out, whatever its size", () => {
    const placed = placeLabels(
      [at("big", 0, 0, "Isetoh"), at("small", 10, 5, "Tono"), at("far", 0, 40)],
      measure,
      METRICS,
    );
    expect(placed.map((b) => b.id)).toEqual(["big", "far"]);
  });

  it("never places two overlapping labels, over thousands of random candidates", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const candidates = Array.from({ length: 5000 }, (_, i) =>
      at(
        `n${i}`,
        random() * 1400,
        random() * 900,
        "x".repeat(3 + Math.floor(random() * 30)),
        1 + random() * 8,
      ),
    );
    const placed = placeLabels(candidates, measure, METRICS);
    expect(placed.length).toBeGreaterThan(100);
    expect(overlaps(placed)).toBe(0);
    // Every candidate left out crowds one that was placed before it (greedy: none is left out for nothing).
    const named = new Set(placed.map((b) => b.id));
    for (const c of candidates.slice(0, 400)) {
      if (named.has(c.id)) continue;
      const box = labelBox(c, measure(c.text), METRICS);
      expect(placed.some((p) => crowds(box, p))).toBe(true);
    }
  });
});

describe("the order names are placed in", () => {
  const graph = createExploreGraph();
  syncGraph(graph, { overview: null, impact: SMALL_RADIUS, neighbourhoods: [] }, "en");

  it("puts the compromised first, then the intermediaries and largest, then by records (a: 100, c: 7, b: 0)", () => {
    const order = labelOrder(graph, computeHighlight(SMALL_RADIUS, null, null));
    expect(order.ranked.map((r) => r.id)).toEqual(["v", "a", "c", "b"]);
    expect(order.all).toBe(true);
    expect(NAME_ALL_BELOW).toBe(1000);
  });

  it("puts the focused organisation and its chain before everything else", () => {
    const order = labelOrder(graph, computeHighlight(SMALL_RADIUS, "c", null));
    expect(order.ranked.map((r) => r.id).slice(0, 3)).toEqual(["c", "a", "v"]);
  });

  it("names exactly the organisations placed (forced) and draws the others unnamed", () => {
    const h = computeHighlight(SMALL_RADIUS, null, null);
    const reduce = nodeReducer(h, { placed: new Set(["v", "b"]) });
    const drawn = (id: string) => reduce(id, graph.getNodeAttributes(id));
    expect([drawn("v"), drawn("b")].map((d) => [d.label, d.forceLabel])).toEqual([
      ["V", true],
      ["B", true],
    ]);
    expect([drawn("a"), drawn("c")].map((d) => [d.label, d.forceLabel])).toEqual([
      [null, false],
      [null, false],
    ]);
    // Without a placement, sigma decides as before: the chain's names forced, the rest by its grid.
    expect(nodeReducer(h)("a", graph.getNodeAttributes("a")).label).toBe("A");
  });
});

describe("names cut to what fits between two tiers", () => {
  it("counts a Japanese character as two columns, as wide as two Latin letters", () => {
    expect(["a", "Ω", "東", "カ", "（", "ｶ", "한"].map(columns)).toEqual([1, 1, 2, 2, 2, 1, 2]);
  });

  it("cuts at 36 columns, the ellipsis in the last one", () => {
    const english = "Other shinkin banks consigning to Tokai Shinkin Business (unnamed)";
    expect(shortLabel(english)).toBe("Other shinkin banks consigning to T…");
    expect(shortLabel(english.slice(0, 36))).toBe(english.slice(0, 36));
    // The sample's depth-2 aggregate: 22 characters, 44 columns, ran across the depth-1 tier.
    expect(shortLabel("（東海信金ビジネス委託元のその他の信用金庫）")).toBe(
      "（東海信金ビジネス委託元のその他の…",
    );
    // 18 Japanese characters fit whole; so does a name mixing both.
    expect(shortLabel("三井住友海上あいおい生命保険株式会社")).toBe("三井住友海上あいおい生命保険株式会社");
    expect(shortLabel("株式会社三菱UFJ銀行")).toBe("株式会社三菱UFJ銀行");
    // A group's title at 18 columns.
    expect(shortLabel("共同事務センター・Hyogo企業", 18)).toBe("共同事務センター…");
  });
});

describe("names that carry their own parentheses", () => {
  const unnamed = {
    id: "isetoh-enclosing-subcontractor",
    name: "（イセトーの封入・封緘再委託先）",
    nameEn: "Unnamed enclosing/sealing subcontractor of Isetoh",
  };

  it("are shown once in their parentheses, never as ((…))", () => {
    expect(labelIn("en", unnamed)).toBe(
      "Unnamed enclosing/sealing subcontractor of Isetoh （イセトーの封入・封緘再委託先）",
    );
    expect(labelIn("ja", unnamed)).toBe(
      "（イセトーの封入・封緘再委託先）（Unnamed enclosing/sealing subcontractor of Isetoh）",
    );
    expect(labelIn("ja", { id: "x", name: "株式会社X", nameEn: "(X Co.)" })).toBe("株式会社X (X Co.)");
    expect(labelIn("en", { id: "t", name: "東海信金ビジネス", nameEn: "Tokai Shinkin Business" })).toBe(
      "Tokai Shinkin Business (東海信金ビジネス)",
    );
  });
});
