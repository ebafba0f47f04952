import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BlastRadius, ContractRow } from "../../domain/index.ts";
import { CHAIN_EDGE_COLOUR, POSSIBLE_EDGE_COLOUR } from "../../web/src/graph/appearance.ts";
import type { ContractAttributes, OrgAttributes } from "../../web/src/graph/dataset.ts";
import type { Lookup } from "../../web/src/graph/lookup.ts";
import { computeHighlight } from "../../web/src/graph/sigma/highlight.ts";
import {
  edgeReducer,
  HOLLOW_NODE_TYPE,
  nodeReducer,
  POSSIBLE_EDGE_TYPE,
  UNDISCLOSED_EDGE_TYPE,
} from "../../web/src/graph/sigma/reducers.ts";
import { WhyAffected, WhyNotAffected } from "../../web/src/organisation/Why.tsx";
import { AffectedTable } from "../../web/src/radius/AffectedTable.tsx";
import { Legend } from "../../web/src/radius/Legend.tsx";
import { TotalsPanel } from "../../web/src/radius/TotalsPanel.tsx";
import { WhatIfPanel } from "../../web/src/radius/WhatIfPanel.tsx";
import { LanguageProvider } from "../../web/src/shared/i18n/language.tsx";
import type { Lang } from "../../web/src/shared/i18n/strings.ts";
import { parseState, serializeState } from "../../web/src/shared/state/urlState.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** Text as a reader sees it: tags gone, spaces collapsed. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** The text of the element marked with `testId` (the first one), tags inside it dropped. */
const byTestId = (html: string, testId: string) => {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return null;
  const open = html.indexOf(">", at) + 1;
  const tag = /<(\w+)[^<]*$/.exec(html.slice(0, at))?.[1] as string;
  let depth = 1;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  pattern.lastIndex = open;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index).replace(/<[^>]+>/g, "");
  }
  return null;
};
const render = (lang: Lang, element: ReactElement) =>
  renderToStaticMarkup(<LanguageProvider lang={lang}>{element}</LanguageProvider>);

/**
 * The small radius with the sample's figures for Isetoh (as GET /api/impact?vendor=isetoh gives
 * them on data/isetoh-2024): c reached only through k3, a possible contract.
 */
const SAMPLE_LIKE: BlastRadius = {
  ...SMALL_RADIUS,
  affected: SMALL_RADIUS.affected.map((a) => (a.id === "c" ? { ...a, confirmed: false } : a)),
  contracts: SMALL_RADIUS.contracts.map((c) => (c.id === "k3" ? { ...c, confidence: "possible" } : c)),
  totals: {
    organisations: 34,
    contracts: 34,
    records: 1537836,
    subjects: 1556639,
    undisclosedContracts: 18,
    undisclosedSubjectContracts: 19,
    estimate: {
      records: { p10: 2669723, p50: 4151985, p90: 5985939 },
      subjects: { p10: 2558189, p50: 3345122, p90: 4432344 },
      draws: 1000,
      peers: { municipality: 5, prefecture: 5, shinkin_bank: 13, bank: 14 },
      peerCount: 14,
    },
  },
  confirmed: {
    organisations: 28,
    contracts: 28,
    records: 1528949,
    subjects: 1556639,
    undisclosedContracts: 14,
    undisclosedSubjectContracts: 13,
  },
};

describe("the totals: the confirmed part beside the whole, the estimate beside the bound", () => {
  it("say the part on confirmed contracts under each figure (en)", () => {
    const html = render("en", <TotalsPanel result={SAMPLE_LIKE} comparison={null} />);
    expect(byTestId(html, "total-records")).toBe("≥ 1,537,836");
    expect(byTestId(html, "confirmed-organisations")).toBe("28 on confirmed contracts");
    expect(byTestId(html, "confirmed-records")).toBe("≥ 1,528,949 on confirmed contracts");
    expect(byTestId(html, "confirmed-persons")).toBe("≥ 1,556,639 on confirmed contracts");
    expect(byTestId(html, "confirmed-undisclosed")).toBe("14 on confirmed contracts");
  });

  it("say it in Japanese without the word of a reported exposure's status (確定)", () => {
    const html = render("ja", <TotalsPanel result={SAMPLE_LIKE} comparison={null} />);
    expect(byTestId(html, "confirmed-records")).toBe("確認済みの委託で ≥ 1,528,949");
    expect(byTestId(html, "confirmed-organisations")).toBe("確認済みの委託で 28");
    expect(text(html)).not.toContain("確定");
  });

  it("show the estimate labelled with its peers, p10–p90 and the median, and a chart of it", () => {
    const en = render("en", <TotalsPanel result={SAMPLE_LIKE} comparison={null} />);
    expect(byTestId(en, "estimate-label")).toBe("estimate (from 14 peers)");
    expect(byTestId(en, "estimate-records")).toBe("Records 2,669,723–5,985,939, median 4,151,985");
    expect(byTestId(en, "estimate-persons")).toBe("Persons 2,558,189–4,432,344, median 3,345,122");
    expect(en).toContain('data-estimate-chart="records"');
    expect(en).toContain('data-estimate-chart="persons"');
    const ja = render("ja", <TotalsPanel result={SAMPLE_LIKE} comparison={null} />);
    expect(byTestId(ja, "estimate-label")).toBe("推計（同種の委託 14 件から）");
    expect(byTestId(ja, "estimate-records")).toBe("件数 2,669,723～5,985,939（中央値 4,151,985）");
    // The lower bound stays where it was: the estimate stands beside it, never in its place.
    expect(byTestId(ja, "total-records")).toBe("≥ 1,537,836");
  });

  it("the chart draws the bound from zero and p10–p90 on one scale (p90 of the largest at the end)", () => {
    const html = render("en", <TotalsPanel result={SAMPLE_LIKE} comparison={null} />);
    const chart = /data-estimate-chart="records".*?<\/svg>/.exec(html)?.[0] ?? "";
    const width = (cls: string) =>
      Number(new RegExp(`class="${cls}"[^>]*width="([\\d.]+)"`).exec(chart)?.[1]);
    const x = (cls: string) => Number(new RegExp(`class="${cls}" x="([\\d.]+)"`).exec(chart)?.[1]);
    expect(width("bound")).toBeCloseTo((1537836 / 5985939) * 100, 6);
    expect(x("range")).toBeCloseTo((2669723 / 5985939) * 100, 6);
    expect(x("range") + width("range")).toBeCloseTo(100, 6);
  });

  it("show no range when nothing is undisclosed, and no confirmed line when nothing is possible", () => {
    const known: BlastRadius = {
      ...SMALL_RADIUS,
      totals: {
        ...SMALL_RADIUS.totals,
        undisclosedContracts: 0,
        undisclosedSubjectContracts: 0,
        estimate: {
          records: { p10: 107, p50: 107, p90: 107 },
          subjects: { p10: 0, p50: 0, p90: 0 },
          draws: 0,
          peers: {},
          peerCount: 0,
        },
      },
      confirmed: { ...SMALL_RADIUS.totals, undisclosedContracts: 0, undisclosedSubjectContracts: 0 },
    };
    const html = render("en", <TotalsPanel result={known} comparison={null} />);
    expect(html).not.toContain('data-testid="estimate');
    expect(html).not.toContain('data-testid="confirmed-');
    expect(render("en", <TotalsPanel result={SMALL_RADIUS} comparison={null} />)).not.toContain("estimate");
  });
});

describe("possible contracts and who is affected only through them", () => {
  it("the affected table marks an organisation affected only through possible contracts", () => {
    const en = render("en", <AffectedTable rows={SAMPLE_LIKE.affected} focus={null} onSelect={() => {}} />);
    expect(en.match(/data-possible-only="true"/g)?.length).toBe(1);
    expect(text(/<tr[^>]*data-id="c".*?<\/tr>/.exec(en)?.[0] ?? "")).toContain(
      "C only through possible contracts",
    );
    const ja = render("ja", <AffectedTable rows={SAMPLE_LIKE.affected} focus={null} onSelect={() => {}} />);
    expect(text(/<tr[^>]*data-id="c".*?<\/tr>/.exec(ja)?.[0] ?? "")).toContain("C 未確認の委託経由のみ");
  });

  it("the legend says how possible contracts and those reached only through them are drawn", () => {
    const en = text(render("en", <Legend byDepth possibleContracts />));
    expect(en).toContain("Contract of undisclosed records: dashed");
    expect(en).toContain("Possible contract (not confirmed): pale, dotted");
    expect(en).toContain("Affected only through possible contracts: hollow");
    const ja = text(render("ja", <Legend byDepth possibleContracts />));
    expect(ja).toContain("未確認の委託（淡色の点線）");
    expect(ja).toContain("未確認の委託経由のみで影響（中抜き）");
    // Without possible contracts only the dashed line is explained.
    expect(render("en", <Legend byDepth />)).not.toContain("legend-possible");
  });

  it("the graph draws a possible contract dotted and pale, and its only consignor hollow", () => {
    const h = computeHighlight(SAMPLE_LIKE, null, null);
    const edge = (id: string, records: number | null) =>
      edgeReducer(h)(id, { records, size: 2, color: "#ccc", type: "arrow" } as ContractAttributes);
    expect(edge("k3", 7)).toMatchObject({ type: POSSIBLE_EDGE_TYPE, color: POSSIBLE_EDGE_COLOUR });
    expect(edge("k2", null).type).toBe(UNDISCLOSED_EDGE_TYPE);
    expect(edge("k1", 100).type).toBe("arrow");
    // On the focused chain it stays dotted, in the chain's dark colour.
    const focused = edgeReducer(computeHighlight(SAMPLE_LIKE, "c", null));
    expect(
      focused("k3", { records: 7, size: 2, color: "#ccc", type: "arrow" } as ContractAttributes),
    ).toMatchObject({ type: POSSIBLE_EDGE_TYPE, color: CHAIN_EDGE_COLOUR });
    const node = (id: string) => nodeReducer(h)(id, { label: id, size: 5, color: "#ccc" } as OrgAttributes);
    expect(node("c").type).toBe(HOLLOW_NODE_TYPE);
    expect(node("a").type).toBeUndefined();
  });

  it("why an organisation is affected marks the possible contract of its chain", () => {
    const lookup: Lookup = { org: (id, fallback) => fallback ?? { id }, contract: () => null };
    const c = SAMPLE_LIKE.affected.find((a) => a.id === "c") as BlastRadius["affected"][0];
    const html = render(
      "en",
      <WhyAffected affected={c} lookup={lookup} onOpen={null} possible={(id) => id === "k3"} />,
    );
    expect(text(/data-chain-contract="k3".*?<\/li>/.exec(html)?.[0] ?? "")).toContain("k3 possible");
    expect(text(/data-chain-contract="k1".*?<\/li>/.exec(html)?.[0] ?? "")).not.toContain("possible");
  });

  it("why not: a possible contract in a scenario on confirmed contracts only", () => {
    const lookup: Lookup = { org: (id, fallback) => fallback ?? { id }, contract: () => null };
    const radius: BlastRadius = {
      ...SMALL_RADIUS,
      scenario: { ...SMALL_RADIUS.scenario, confirmedOnly: true },
    };
    // The organisation's page lists each contract with its confidence.
    const outgoing: (ContractRow & { confidence: string })[] = [
      { id: "k9", counterpart: "a", counterpartName: "A", counterpartKind: null, confidence: "possible" },
    ];
    const props = { id: "d", radius, outgoing, outgoingTotal: 1, lookup, onOpen: null };
    const en = text(render("en", <WhyNotAffected {...props} />));
    expect(en).toContain("k9 → A: a possible contract, and this scenario counts confirmed contracts only");
    const ja = text(render("ja", <WhyNotAffected {...props} />));
    expect(ja).toContain("k9 → A：未確認の委託で、この想定は確認済みの委託だけで数える");
  });

  it("the what-if panel's checkbox shows the URL's confirmed-only, which round-trips", () => {
    const state = parseState("?vendor=isetoh&confirmed-only=true");
    expect(state.confirmedOnly).toBe(true);
    expect(serializeState(state)).toBe("?vendor=isetoh&confirmed-only=true");
    expect(serializeState(parseState("?vendor=isetoh"))).toBe("?vendor=isetoh");
    const on = render("en", <WhatIfPanel state={state} update={() => {}} />);
    expect(on).toMatch(
      /<input type="checkbox" data-testid="confirmed-only" checked=""\/>Confirmed contracts only/,
    );
    const ja = render("ja", <WhatIfPanel state={parseState("?vendor=isetoh")} update={() => {}} />);
    expect(ja).toMatch(/<input type="checkbox" data-testid="confirmed-only"\/>確認済みの委託だけで数える/);
  });
});
