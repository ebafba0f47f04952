import { describe, expect, it } from "vitest";
import { plainCompromise, stated } from "../../domain/index.ts";
import { layeredPositions } from "../../web/src/graph/layout.ts";
import { computeHighlight } from "../../web/src/graph/sigma/highlight.ts";
import { buildGraph } from "../../web/src/graph/sync.ts";
import { sortAffected } from "../../web/src/radius/AffectedTable.tsx";
import { STRINGS, translate } from "../../web/src/shared/i18n/strings.ts";
import { scenarioActions } from "../../web/src/shared/state/actions.ts";
import {
  EMPTY_STATE,
  isWhatIf,
  parseState,
  scenarioParams,
  serializeState,
} from "../../web/src/shared/state/urlState.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

describe("the explore state lives in the URL", () => {
  it("reads a shared URL", () => {
    expect(
      parseState(
        "?vendor=isetoh&vendor=kantsu&exclude-contract=c1&max-depth=2&as-of=2024-05-26&enforce-retention=true&focus=toyota-city&lang=en",
      ),
    ).toEqual({
      ...EMPTY_STATE,
      compromised: ["isetoh", "kantsu"],
      excludedContracts: ["c1"],
      maxDepth: "2",
      asOf: "2024-05-26",
      enforceRetention: true,
      focus: "toyota-city",
      lang: "en",
    });
  });

  it("writes the same URL back, and nothing for the empty state", () => {
    const search =
      "?vendor=isetoh&exclude-contract=c-seishin-tsb&exclude-org=kumon&as-of=2024-05-26&enforce-retention=true&focus=seishin-shinkin&lang=en&view=rank";
    expect(serializeState(parseState(search))).toBe(search);
    expect(serializeState(EMPTY_STATE)).toBe("");
  });

  it("speaks the domain's words for the scenario, whatever the URL calls them", () => {
    const state = parseState("?vendor=isetoh&exclude-org=kumon&enforce-retention=true&as-of=2024-05");
    const scenarioFields = Object.keys(stated(plainCompromise([]))).sort();
    expect(
      Object.keys(state)
        .filter((k) => scenarioFields.includes(k))
        .sort(),
    ).toEqual(scenarioFields);
    expect(state).toMatchObject({
      compromised: ["isetoh"],
      excludedOrganisations: ["kumon"],
      enforceRetention: true,
      asOf: "2024-05",
    });
  });

  it("asks the API with the command line's parameter names and knows a what-if", () => {
    const state = parseState("?vendor=isetoh&as-of=2024-05-26&focus=x&lang=en");
    expect(scenarioParams(state).toString()).toBe("vendor=isetoh&as-of=2024-05-26");
    expect(isWhatIf(state)).toBe(true);
    expect(isWhatIf(parseState("?vendor=isetoh&focus=x"))).toBe(false);
  });
});

describe("the scenario's actions", () => {
  it("add an organisation or contract to a list once, however often it is asked (search can offer one twice)", () => {
    const changes: unknown[] = [];
    const actions = scenarioActions(
      { compromised: ["isetoh"], excludedOrganisations: ["kantsu"], excludedContracts: ["c1"] },
      (change) => changes.push(change),
    );
    actions.excludeOrganisation("kantsu");
    actions.excludeOrganisation("toyota-city");
    actions.excludeContract("c1");
    actions.addCompromised("isetoh");
    expect(changes).toEqual([
      { excludedOrganisations: ["kantsu"], focus: null },
      { excludedOrganisations: ["kantsu", "toyota-city"], focus: null },
      { excludedContracts: ["c1"], contract: null },
      { compromised: ["isetoh"], focus: null },
    ]);
  });
});

describe("words", () => {
  it("has every string in Japanese and English", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.ja).sort());
    expect(translate("en", "notDrawn", { shown: "5,000", total: "12,000" })).toBe(
      "5,000 of 12,000 organisations shown (totals cover all)",
    );
  });
});

describe("the graph dataset and its layout", () => {
  it("holds the blast radius: compromised and affected organisations and the counted contracts", () => {
    const graph = buildGraph("ja", null, SMALL_RADIUS, []);
    expect(graph.nodes().sort()).toEqual(["a", "b", "c", "v"]);
    expect(graph.edges().sort()).toEqual(["k1", "k2", "k3"]);
    expect(graph.getEdgeAttribute("k2", "records")).toBeNull();
  });

  it("lays a blast radius out in tiers, compromised at the right, so chains read left to right", () => {
    const graph = buildGraph("ja", null, SMALL_RADIUS, []);
    const p = layeredPositions(graph, SMALL_RADIUS);
    expect([p.get("c")?.x, p.get("a")?.x, p.get("b")?.x, p.get("v")?.x]).toEqual([0, 240, 240, 480]);
  });

  it("highlights by depth and draws the focused organisation's chain", () => {
    const h = computeHighlight(SMALL_RADIUS, "c", null);
    expect([...(h.depthOf ?? [])]).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 2],
    ]);
    expect([...h.chainNodes]).toEqual(["c", "a", "v"]);
    expect([...h.chainEdges]).toEqual(["k3", "k1"]);
    expect([...h.compromised]).toEqual(["v"]);
  });

  it("sorts the affected table by any column, ties by id", () => {
    expect(sortAffected(SMALL_RADIUS.affected, "records", true).map((a) => a.id)).toEqual(["a", "c", "b"]);
    expect(sortAffected(SMALL_RADIUS.affected, "depth", false).map((a) => a.id)).toEqual(["a", "b", "c"]);
    expect(sortAffected(SMALL_RADIUS.affected, "region", false).map((a) => a.id)).toEqual(["b", "a", "c"]);
  });
});
