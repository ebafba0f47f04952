import { describe, expect, it } from "vitest";
import type { AffectedGroup, BlastRadius, ExpandedGroup, GroupedBlastRadius } from "../../domain/index.ts";
import { TIER_GAP } from "../../web/src/graph/chainLayout.ts";
import { ChainLayoutRunner } from "../../web/src/graph/chainRunner.ts";
import type { GraphSources } from "../../web/src/graph/dataset.ts";
import {
  drawnGroups,
  GROUPS_PER_TIER,
  groupedDrawing,
  groupLabel,
  groupNodeId,
  groupNodeSize,
  groupOfNode,
  groupsById,
  isGroupNode,
  needsGroups,
  unexpandedRestId,
} from "../../web/src/graph/groups.ts";
import { GraphStore } from "../../web/src/graph/store.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

const sources = (s: Partial<GraphSources>): GraphSources => ({
  overview: null,
  impact: null,
  neighbourhoods: [],
  ...s,
});

const group = (
  kind: string | null,
  region: string | null,
  organisations: number,
  records: number,
  undisclosed = 0,
): AffectedGroup => ({
  kind,
  region,
  organisations,
  records,
  undisclosed,
  largest: [{ id: `${kind}-${region}-1`, name: "一", nameEn: "One", kind, records, undisclosed: 0 }],
});

/** A radius cut to one organisation of 3,000, and the same scenario grouped. */
const TRUNCATED: BlastRadius = {
  ...SMALL_RADIUS,
  affected: SMALL_RADIUS.affected.slice(0, 1),
  contracts: SMALL_RADIUS.contracts.slice(0, 1),
  totals: { ...SMALL_RADIUS.totals, organisations: 3000, records: 123_456 },
  truncated: { shown: 1, total: 3000 },
};

const GROUPED: GroupedBlastRadius = {
  dataset: SMALL_RADIUS.dataset,
  scenario: SMALL_RADIUS.scenario,
  compromised: SMALL_RADIUS.compromised,
  totals: TRUNCATED.totals,
  confirmed: TRUNCATED.totals,
  tiers: [
    {
      depth: 1,
      organisations: 1300,
      records: 6000,
      undisclosed: 2,
      groups: [group("company", "Tokyo", 1234, 5678, 2), group("bank", "Osaka", 66, 322)],
    },
    {
      depth: 2,
      organisations: 1700,
      records: 0,
      undisclosed: 9,
      groups: [group(null, null, 1700, 0, 9)],
    },
  ],
};

describe("the grouped view", () => {
  it("asks for groups only when the answer leaves organisations out of the drawing", () => {
    expect(needsGroups(null)).toBe(false);
    expect(needsGroups(SMALL_RADIUS)).toBe(false);
    expect(needsGroups({ ...SMALL_RADIUS, truncated: { shown: 3, total: 3 } })).toBe(false);
    expect(needsGroups(TRUNCATED)).toBe(true);
  });

  it("labels a group with its kind in words, region, count and records, in both languages", () => {
    const [companies, banks] = GROUPED.tiers[0]?.groups ?? [];
    expect(groupLabel("en", companies as AffectedGroup)).toBe(
      "Companies, Tokyo — 1,234 organisations, ≥ 5,678 records",
    );
    expect(groupLabel("ja", companies as AffectedGroup)).toBe("企業・Tokyo — 1,234 組織、≥ 5,678 件");
    expect(groupLabel("en", banks as AffectedGroup)).toBe("Banks, Osaka — 66 organisations, 322 records");
    const unknown = GROUPED.tiers[1]?.groups[0] as AffectedGroup;
    expect(groupLabel("en", unknown)).toBe(
      "Organisations, region unknown — 1,700 organisations, records undisclosed",
    );
    expect(groupLabel("ja", unknown)).toBe("組織・地域不明 — 1,700 組織、件数非公表");
  });

  it("draws the compromised plus one node per group, sized by records, labelled in the chosen language", () => {
    const store = new GraphStore("en", new ChainLayoutRunner(false));
    store.setSources(sources({ impact: groupedDrawing(TRUNCATED, GROUPED) }));
    const graph = store.graph;
    const tokyo = groupNodeId(1, { kind: "company", region: "Tokyo" });
    expect(graph.nodes().sort()).toEqual(
      [
        "v",
        tokyo,
        groupNodeId(1, { kind: "bank", region: "Osaka" }),
        groupNodeId(2, { kind: null, region: null }),
      ].sort(),
    );
    expect(graph.nodes().filter(isGroupNode)).toHaveLength(3);
    expect(graph.getNodeAttribute(tokyo, "label")).toBe(
      "Companies, Tokyo — 1,234 organisations, ≥ 5,678 records",
    );
    expect(graph.getNodeAttribute(tokyo, "size")).toBe(groupNodeSize(5678));
    expect(graph.getNodeAttribute(tokyo, "records")).toBe(5678);
    store.setLanguage("ja");
    expect(graph.getNodeAttribute(tokyo, "label")).toBe("企業・Tokyo — 1,234 組織、≥ 5,678 件");
    expect(groupsById(GROUPED).get(tokyo)?.group.organisations).toBe(1234);
  });

  it("places group nodes by tier: the compromised on the right, each tier to its left, arrows to the right", () => {
    const store = new GraphStore("en", new ChainLayoutRunner(false));
    const drawn = groupedDrawing(TRUNCATED, GROUPED);
    store.setSources(sources({ impact: drawn }));
    const graph = store.graph;
    const x = (id: string) => graph.getNodeAttribute(id, "x");
    const tokyo = groupNodeId(1, { kind: "company", region: "Tokyo" });
    const osaka = groupNodeId(1, { kind: "bank", region: "Osaka" });
    const deeper = groupNodeId(2, { kind: null, region: null });
    expect(x("v")).toBe(2 * TIER_GAP);
    expect(x(tokyo)).toBe(TIER_GAP);
    expect(x(osaka)).toBe(TIER_GAP);
    expect(x(deeper)).toBe(0);
    // Tier 1 points at the compromised, tier 2 at tier 1's largest group.
    expect(graph.outNeighbors(tokyo)).toEqual(["v"]);
    expect(graph.outNeighbors(osaka)).toEqual(["v"]);
    expect(graph.outNeighbors(deeper)).toEqual([tokyo]);
    // The totals stay the answer's own, and nothing says it is cut any more.
    expect(drawn.totals).toEqual(TRUNCATED.totals);
    expect(drawn.truncated).toBeUndefined();
  });

  it("draws at most GROUPS_PER_TIER groups a tier, the rest of the tier as one group with its largest members", () => {
    const many: GroupedBlastRadius = {
      ...GROUPED,
      tiers: [
        {
          depth: 1,
          organisations: 0,
          records: 0,
          undisclosed: 0,
          groups: Array.from({ length: GROUPS_PER_TIER + 3 }, (_, i) =>
            group("company", `R${i}`, 100 - i, 1000 - i),
          ),
        },
      ],
    };
    const drawn = drawnGroups(many);
    expect(drawn).toHaveLength(GROUPS_PER_TIER);
    const rest = drawn.at(-1) as (typeof drawn)[number];
    expect(rest.rest).toBe(4);
    const first = GROUPS_PER_TIER - 1; // the four smallest: first .. first + 3
    expect(rest.group.organisations).toBe(4 * (100 - first) - 6);
    expect(rest.group.records).toBe(4 * (1000 - first) - 6);
    // Each group names one member here, so the rest names the largest of the four.
    expect(rest.group.largest.map((m) => m.id)).toEqual([`company-R${first}-1`]);
    expect(groupLabel("en", rest.group, rest.rest)).toBe(
      `4 more groups — ${4 * (100 - first) - 6} organisations, ${(4 * (1000 - first) - 6).toLocaleString("en-US")} records`,
    );
    expect(groupLabel("ja", rest.group, rest.rest)).toBe(
      `ほか 4 グループ — ${4 * (100 - first) - 6} 組織、${(4 * (1000 - first) - 6).toLocaleString("en-US")} 件`,
    );
    const store = new GraphStore("en", new ChainLayoutRunner(false));
    store.setSources(sources({ impact: groupedDrawing(TRUNCATED, many) }));
    expect(store.graph.nodes().filter(isGroupNode)).toHaveLength(GROUPS_PER_TIER);
  });

  it("says one organisation and one record in the singular", () => {
    expect(groupLabel("en", group("bank", "Okinawa", 1, 1))).toBe(
      "Banks, Okinawa — 1 organisation, 1 record",
    );
  });

  it("draws no group nodes for a radius that fits", () => {
    const store = new GraphStore("en", new ChainLayoutRunner(false));
    store.setSources(sources({ impact: SMALL_RADIUS }));
    expect(store.graph.nodes().filter(isGroupNode)).toEqual([]);
    expect(store.graph.order).toBe(4);
  });

  it("expands a group: its largest organisations in its place, the rest of it as one node, arrows kept", () => {
    const tokyo = groupNodeId(1, { kind: "company", region: "Tokyo" });
    const deeper = groupNodeId(2, { kind: null, region: null });
    const expanded: ExpandedGroup = {
      dataset: SMALL_RADIUS.dataset,
      scenario: SMALL_RADIUS.scenario,
      depth: 1,
      ...group("company", "Tokyo", 1234, 5678, 2),
      largest: [
        { id: "t1", name: "東京一", nameEn: "Tokyo One", kind: "company", records: 3000, undisclosed: 0 },
        { id: "t2", name: "東京二", nameEn: null, kind: "company", records: 0, undisclosed: 1 },
      ],
    };
    const store = new GraphStore("en", new ChainLayoutRunner(false));
    const drawn = groupedDrawing(TRUNCATED, GROUPED, expanded);
    store.setSources(sources({ impact: drawn }));
    const graph = store.graph;
    const rest = unexpandedRestId(tokyo);
    expect(graph.hasNode(tokyo)).toBe(false);
    expect(["t1", "t2", rest].map((id) => graph.outNeighbors(id))).toEqual([["v"], ["v"], ["v"]]);
    expect(graph.getNodeAttribute("t1", "label")).toBe("Tokyo One");
    // The other 1,232 organisations: the group's records less the two drawn, one undisclosed left.
    expect(graph.getNodeAttribute(rest, "label")).toBe(
      "Rest of Companies, Tokyo — 1,232 organisations, ≥ 2,678 records",
    );
    expect(groupOfNode(rest)).toBe(tokyo);
    // The deeper tier points at what stands for tier 1's largest group now (its rest), not at t1.
    expect(graph.outNeighbors(deeper)).toEqual([rest]);
    expect(drawn.totals).toEqual(TRUNCATED.totals);
    // An answer for a group not drawn (or none) draws the groups as they were.
    expect(groupedDrawing(TRUNCATED, GROUPED, { ...expanded, depth: 3 })).toEqual(
      groupedDrawing(TRUNCATED, GROUPED),
    );
  });
});
