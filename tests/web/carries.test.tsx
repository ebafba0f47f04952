import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type {
  AffectedOrganisation,
  BlastRadius,
  ContractRow,
  Overview,
  OverviewNode,
  StatedScenario,
} from "../../domain/index.ts";
import { CHAIN_EDGE_COLOUR, COUNTED_EDGE_COLOUR } from "../../web/src/graph/appearance.ts";
import type { GraphSources } from "../../web/src/graph/dataset.ts";
import { graphLookup } from "../../web/src/graph/lookup.ts";
import { computeHighlight } from "../../web/src/graph/sigma/highlight.ts";
import { edgeReducer, nodeReducer } from "../../web/src/graph/sigma/reducers.ts";
import { GraphStore } from "../../web/src/graph/store.ts";
import { buildGraph } from "../../web/src/graph/sync.ts";
import { GraphStoreContext } from "../../web/src/graph/useGraph.ts";
import { ContractPanel } from "../../web/src/organisation/ContractPanel.tsx";
import { CarriedList } from "../../web/src/organisation/contractWords.tsx";
import { WhyAffected, WhyNotAffected } from "../../web/src/organisation/Why.tsx";
import { WhatIfPanel } from "../../web/src/radius/WhatIfPanel.tsx";
import { LanguageProvider } from "../../web/src/shared/i18n/language.tsx";
import type { Lang } from "../../web/src/shared/i18n/strings.ts";
import { parseState } from "../../web/src/shared/state/urlState.ts";

/**
 * The sample's scoped sub-contract in small: Isetoh re-delegates to a subcontractor only Yokosuka's
 * work (two parallel contracts Yokosuka → Isetoh, both carried), not Toyota's.
 */
const names: Record<string, { name: string; nameEn: string | null; kind: string }> = {
  toyota: { name: "豊田市", nameEn: "Toyota City", kind: "municipality" },
  yokosuka: { name: "横須賀市", nameEn: "Yokosuka City", kind: "municipality" },
  isetoh: { name: "株式会社イセトー", nameEn: "Isetoh", kind: "print_mail_vendor" },
  encl: { name: "再委託先", nameEn: "Enclosing subcontractor", kind: "print_mail_vendor" },
  kantsu: { name: "カンツー", nameEn: null, kind: "print_mail_vendor" },
};

const node = (id: string): OverviewNode => ({
  id,
  ...(names[id] as (typeof names)[string]),
  region: null,
  degree: 1,
  records: 10,
  undisclosed: 0,
});

const OVERVIEW: Overview = {
  nodes: ["toyota", "yokosuka", "isetoh", "encl", "kantsu"].map(node),
  contracts: [
    { id: "c-toyota", consignor: "toyota", contractor: "isetoh", records: 10, service: "tax notices" },
    { id: "c-yoko-old", consignor: "yokosuka", contractor: "isetoh", records: 5, service: null, carries: [] },
    { id: "c-yoko", consignor: "yokosuka", contractor: "isetoh", records: null, service: "voting guides" },
    {
      id: "c-encl",
      consignor: "isetoh",
      contractor: "encl",
      records: 0,
      service: "enclosing",
      carries: ["c-yoko-old", "c-yoko"],
    },
  ],
  total: { organisations: 5, contracts: 4 },
  contractsAmong: 4,
  truncated: false,
};

const scenario = (change: Partial<StatedScenario> = {}): StatedScenario => ({
  compromised: ["encl"],
  excludedContracts: [],
  excludedOrganisations: [],
  maxDepth: null,
  asOf: null,
  enforceRetention: false,
  confirmedOnly: false,
  ...change,
});

const affected = (id: string, depth: number, path: string[], chain: string[]): AffectedOrganisation => ({
  id,
  ...(names[id] as (typeof names)[string]),
  region: null,
  depth,
  records: 0,
  subjects: 0,
  undisclosed: 0,
  path,
  chain,
  dataCategories: [],
  reported: [],
  confirmed: true,
});

const counted = (id: string, consignor: string, contractor: string, carries: string[] | null = null) => ({
  id,
  consignor,
  contractor,
  records: 0,
  subjects: 0,
  carries,
  source: null,
  confidence: "confirmed" as const,
});

/** The subcontractor compromised: Isetoh at depth 1, Yokosuka at depth 2 along c-yoko; Toyota spared. */
const RADIUS: BlastRadius = {
  dataset: { name: "hand-made", fingerprint: null, loadedAt: null },
  scenario: scenario(),
  compromised: [
    { id: "encl", name: "再委託先", nameEn: "Enclosing subcontractor", kind: "print_mail_vendor" },
  ],
  affected: [
    affected("isetoh", 1, ["isetoh", "encl"], ["c-encl"]),
    affected("yokosuka", 2, ["yokosuka", "isetoh", "encl"], ["c-yoko", "c-encl"]),
  ],
  // The parallel contract is listed before the one the chain runs along.
  contracts: [
    counted("c-encl", "isetoh", "encl", ["c-yoko-old", "c-yoko"]),
    counted("c-yoko-old", "yokosuka", "isetoh"),
    counted("c-yoko", "yokosuka", "isetoh"),
  ],
  unmodelled: [],
  totals: {
    organisations: 2,
    contracts: 3,
    records: 0,
    subjects: 0,
    undisclosedContracts: 0,
    undisclosedSubjectContracts: 0,
  },
  confirmed: {
    organisations: 2,
    contracts: 3,
    records: 0,
    subjects: 0,
    undisclosedContracts: 0,
    undisclosedSubjectContracts: 0,
  },
};

const sources = (s: Partial<GraphSources>): GraphSources => ({
  overview: null,
  impact: null,
  neighbourhoods: [],
  ...s,
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .replace(/ ([:,)：、）（])/g, "$1")
    .replace(/([（、]) /g, "$1")
    .trim();

/** Renders a part that reads no graph, in a language. */
const inLang = (lang: Lang, element: ReactElement) =>
  renderToStaticMarkup(<LanguageProvider lang={lang}>{element}</LanguageProvider>);

/** Renders as the app does: the language and the one graph (with the overview and the radius) above. */
function render(lang: Lang, element: ReactElement): string {
  const store = new GraphStore(lang);
  store.setSources(sources({ overview: OVERVIEW, impact: RADIUS }));
  return renderToStaticMarkup(
    <GraphStoreContext value={store}>
      <LanguageProvider lang={lang}>{element}</LanguageProvider>
    </GraphStoreContext>,
  );
}

const lookup = graphLookup(buildGraph("en", OVERVIEW, RADIUS, []));
const open = () => {};

const row = (id: string, counterpart: string, extra: Partial<ContractRow> = {}): ContractRow => ({
  id,
  counterpart,
  counterpartName: names[counterpart]?.name ?? counterpart,
  counterpartKind: null,
  ...extra,
});

describe("contracts carry their scope into the graph", () => {
  it("holds each contract's carries as an edge attribute; unscoped (absent or empty) is null", () => {
    const graph = buildGraph("ja", OVERVIEW, RADIUS, []);
    expect(graph.getEdgeAttribute("c-encl", "carries")).toEqual(["c-yoko-old", "c-yoko"]);
    expect(graph.getEdgeAttribute("c-toyota", "carries")).toBeNull();
    expect(graph.getEdgeAttribute("c-yoko-old", "carries")).toBeNull();
    // From the blast radius alone too.
    expect(buildGraph("ja", null, RADIUS, []).getEdgeAttribute("c-encl", "carries")).toEqual([
      "c-yoko-old",
      "c-yoko",
    ]);
  });

  it("does not touch a contract again when the next answer holds the same carries in a new array", () => {
    const store = new GraphStore("ja");
    store.setSources(sources({ overview: OVERVIEW, impact: RADIUS }));
    let updated = 0;
    store.graph.on("edgeAttributesUpdated", () => updated++);
    const again: BlastRadius = { ...RADIUS, contracts: RADIUS.contracts.map((c) => ({ ...c })) };
    store.setSources(sources({ overview: { ...OVERVIEW }, impact: again }));
    expect(updated).toBe(0);
  });
});

describe("the focused chain follows its contracts", () => {
  it("highlights exactly the chain's contracts, not a parallel contract between the same organisations", () => {
    const h = computeHighlight(RADIUS, "yokosuka", null);
    expect([...h.chainEdges].sort()).toEqual(["c-encl", "c-yoko"]);
    expect([...h.chainNodes]).toEqual(["yokosuka", "isetoh", "encl"]);
    const graph = buildGraph("en", OVERVIEW, RADIUS, []);
    const draw = (id: string) => edgeReducer(h)(id, graph.getEdgeAttributes(id));
    expect(draw("c-yoko")).toMatchObject({ color: CHAIN_EDGE_COLOUR, zIndex: 3 });
    expect(draw("c-encl")).toMatchObject({ color: CHAIN_EDGE_COLOUR, zIndex: 3 });
    expect(draw("c-yoko-old")).toMatchObject({ color: COUNTED_EDGE_COLOUR, zIndex: 2 });
    expect(draw("c-toyota")).toMatchObject({ hidden: true });
  });
});

describe("a focused organisation the radius spares", () => {
  it("is drawn dimmed but labelled, so that the analyst finds it", () => {
    const graph = buildGraph("en", OVERVIEW, RADIUS, []);
    const draw = (focus: string | null, id: string) =>
      nodeReducer(computeHighlight(RADIUS, focus, null))(id, graph.getNodeAttributes(id));
    expect(draw(null, "toyota")).toMatchObject({ label: "" });
    expect(draw("toyota", "toyota")).toMatchObject({
      label: "Toyota City",
      highlighted: true,
      forceLabel: true,
    });
  });
});

describe("the contract panel says whose data the contract carries", () => {
  it("lists the carried contracts by their ends, each opening its own panel", () => {
    const html = render(
      "en",
      <ContractPanel id="c-encl" excluded={false} onExclude={open} onOpen={open} onClose={open} />,
    );
    expect(text(html)).toContain("Isetoh → Enclosing subcontractor");
    expect(text(html)).toContain(
      "Data it carries only the data of these contracts into Isetoh: Yokosuka City → Isetoh c-yoko-old Yokosuka City → Isetoh c-yoko",
    );
    expect(
      html.match(/<li data-carried="[^"]+"><button type="button" class="link contract-ref">/g),
    ).toHaveLength(2);
  });

  it("says an unscoped contract carries all of the consignor's data, in both languages", () => {
    const panel = (
      <ContractPanel id="c-toyota" excluded={false} onExclude={open} onOpen={open} onClose={open} />
    );
    expect(text(render("en", panel))).toContain(
      "Toyota City → Isetoh tax notices · Records 10 Data it carries all of the consignor's data",
    );
    expect(text(render("ja", panel))).toContain(
      "豊田市 → 株式会社イセトー tax notices · 件数 10 受け渡すデータ 委託元のデータすべて",
    );
  });
});

describe("the organisation panel says why", () => {
  it("an affected organisation: its chain of contracts, with what a scoped one carries", () => {
    const yokosuka = RADIUS.affected[1] as AffectedOrganisation;
    const en = text(inLang("en", <WhyAffected affected={yokosuka} lookup={lookup} onOpen={open} />));
    expect(en).toBe(
      "Why affected Depth 2: its data reaches Enclosing subcontractor through these contracts Yokosuka City → Isetoh c-yoko Isetoh → Enclosing subcontractor c-encl carries only the data of Yokosuka City c-yoko, Yokosuka City c-yoko-old",
    );
    const ja = text(
      renderToStaticMarkup(
        <LanguageProvider lang="ja">
          <WhyAffected affected={yokosuka} lookup={lookup} onOpen={open} />
        </LanguageProvider>,
      ),
    );
    expect(ja).toContain("影響を受ける理由 段数 2：次の委託を経てデータが 再委託先 に届く");
    expect(ja).toContain(
      "株式会社イセトー → 再委託先 c-encl 渡すのは 横須賀市 c-yoko、横須賀市 c-yoko-old のデータのみ",
    );
  });

  it("a long list of carried contracts names the one the chain runs along and counts the others", () => {
    const list = (lang: Lang) =>
      text(
        inLang(
          lang,
          <CarriedList
            ids={["c-x", "c-y", "c-yoko", "c-z"]}
            lookup={lookup}
            onOpen={open}
            first="c-yoko"
            limit={1}
          />,
        ),
      );
    expect(list("en")).toBe("Yokosuka City c-yoko, and 3 other contracts");
    expect(list("ja")).toBe("横須賀市 c-yoko、ほか 3 件の委託");
  });

  it("an unaffected one: the scoped sub-contract that does not carry its contract, in both languages", () => {
    const why = (lang: Lang) =>
      text(
        renderToStaticMarkup(
          <LanguageProvider lang={lang}>
            <WhyNotAffected
              id="toyota"
              radius={RADIUS}
              outgoing={[row("c-toyota", "isetoh")]}
              outgoingTotal={1}
              lookup={lookup}
              onOpen={open}
            />
          </LanguageProvider>,
        ),
      );
    expect(why("en")).toBe(
      "Why not affected c-toyota → Isetoh: Isetoh passes on only the data of Yokosuka City c-yoko-old, Yokosuka City c-yoko (via c-encl)",
    );
    expect(why("ja")).toBe(
      "影響を受けない理由 c-toyota → 株式会社イセトー：株式会社イセトー から先へは c-encl で 横須賀市 c-yoko-old、横須賀市 c-yoko のデータしか渡らない",
    );
  });

  it("an unaffected one: exclusions, dates, max depth and no route, one line per contract", () => {
    const whatIf: BlastRadius = {
      ...RADIUS,
      scenario: scenario({
        excludedContracts: ["c-z1"],
        excludedOrganisations: ["kantsu"],
        asOf: "2024-05-26",
        enforceRetention: true,
        maxDepth: 2,
      }),
    };
    const html = inLang(
      "en",
      <WhyNotAffected
        id="z"
        radius={whatIf}
        outgoing={[
          row("c-z1", "isetoh"),
          row("c-z2", "kantsu"),
          row("c-z3", "isetoh", { since: "2025-01" }),
          row("c-z4", "isetoh", { deleteBy: "2024-03" }),
          row("c-z5", "yokosuka"),
          row("c-z6", "toyota"),
        ]}
        outgoingTotal={8}
        lookup={lookup}
        onOpen={open}
      />,
    );
    const lines = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1] as string));
    expect(lines).toEqual([
      "c-z1 → Isetoh: this contract is excluded in the scenario",
      "c-z2 → カンツー: カンツー is excluded in the scenario",
      "c-z3 → Isetoh: not yet in force on 2024-05-26 (starts 2025-01)",
      "c-z4 → Isetoh: its data was due for deletion by 2024-03, before 2024-05-26",
      "c-z5 → Yokosuka City: Yokosuka City is affected, but this would be depth 3, beyond the max depth of 2",
      "c-z6 → Toyota City: Toyota City's data reaches no compromised organisation",
      "2 more contracts not listed",
    ]);
  });

  it("an unaffected one with no contracts, or excluded itself, says so", () => {
    const none = inLang(
      "en",
      <WhyNotAffected
        id="kantsu"
        radius={RADIUS}
        outgoing={[]}
        outgoingTotal={0}
        lookup={lookup}
        onOpen={open}
      />,
    );
    expect(text(none)).toBe("Why not affected It entrusts data to no one, so no chain reaches it");
    const excluded = renderToStaticMarkup(
      <LanguageProvider lang="ja">
        <WhyNotAffected
          id="toyota"
          radius={{ ...RADIUS, scenario: scenario({ excludedOrganisations: ["toyota"] }) }}
          outgoing={[row("c-toyota", "isetoh")]}
          outgoingTotal={1}
          lookup={lookup}
          onOpen={open}
        />
      </LanguageProvider>,
    );
    expect(text(excluded)).toBe("影響を受けない理由 この組織はシナリオで除外");
  });
});

describe("the what-if chips", () => {
  it("name compromised and excluded organisations in the chosen language; contracts by id", () => {
    const state = parseState("?vendor=encl&exclude-org=yokosuka&exclude-contract=c-toyota");
    const html = render("en", <WhatIfPanel state={state} update={open} />);
    expect(text(html)).toContain("Compromised organisations: Enclosing subcontractor ×");
    expect(text(html)).toContain("Excluded contracts: c-toyota ×");
    expect(text(html)).toContain("Excluded organisations: Yokosuka City ×");
    expect(text(render("ja", <WhatIfPanel state={state} update={open} />))).toContain(
      "侵害を想定する組織: 再委託先 ×",
    );
  });
});
