import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AffectedTable } from "../../web/src/radius/AffectedTable.tsx";
import { TotalsPanel } from "../../web/src/radius/TotalsPanel.tsx";
import { WhatIfPanel } from "../../web/src/radius/WhatIfPanel.tsx";
import { LanguageProvider } from "../../web/src/shared/i18n/language.tsx";
import type { Lang } from "../../web/src/shared/i18n/strings.ts";
import { parseState } from "../../web/src/shared/state/urlState.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Renders in a language, as the app does (the language comes from the context, not props). */
const render = (lang: Lang, element: ReactElement) =>
  renderToStaticMarkup(<LanguageProvider lang={lang}>{element}</LanguageProvider>);

describe("panels", () => {
  it("totals mark lower bounds and never show an undisclosed count as zero", () => {
    const html = render("en", <TotalsPanel result={SMALL_RADIUS} comparison={null} />);
    expect(html).toContain('data-testid="total-records">≥ 107<');
    expect(html).toContain('data-testid="total-organisations">3<');
    expect(text(html)).toContain("≥ marks a lower bound");
    // Bank's only contract is undisclosed: the breakdown says so, never "≥ 0".
    expect(text(html)).toContain("Bank 1 undisclosed");
    expect(text(html)).not.toContain("≥ 0");
  });

  it("totals say how much is not drawn", () => {
    const html = render(
      "ja",
      <TotalsPanel result={{ ...SMALL_RADIUS, truncated: { shown: 2, total: 3 } }} comparison={null} />,
    );
    expect(text(html)).toContain("2 / 3 組織を表示");
  });

  it("the affected table lists every organisation with thousands separators and lower bounds", () => {
    const html = render("en", <AffectedTable rows={SMALL_RADIUS.affected} focus="c" onSelect={() => {}} />);
    expect(html.match(/<tr /g)?.length).toBe(3);
    expect(html).toContain('class="selected" data-id="c"');
    expect(text(html)).toContain("B Bank 1 undisclosed");
    expect(text(html)).not.toContain("≥ 0");
  });

  it("the table renders its first 200 rows, offers the rest, and always holds the focused one", () => {
    const base = SMALL_RADIUS.affected[0] as (typeof SMALL_RADIUS.affected)[0];
    const rows = Array.from({ length: 450 }, (_, i) => ({
      ...base,
      id: `o${i}`,
      name: `O${i}`,
      records: 1000 - i,
    }));
    const first = render("en", <AffectedTable rows={rows} focus={null} onSelect={() => {}} />);
    expect(first.match(/<tr /g)?.length).toBe(200);
    expect(text(first)).toContain("Show 200 more (200 of 450 shown)");
    // o299 sorts 300th by records: the table reaches down to it.
    const focused = render("ja", <AffectedTable rows={rows} focus="o299" onSelect={() => {}} />);
    expect(focused.match(/<tr /g)?.length).toBe(300);
    expect(focused).toContain('class="selected" data-id="o299"');
    expect(text(focused)).toContain("さらに 150 件を表示（300 / 450 件表示中）");
  });

  it("the what-if controls show the scenario from the URL and keep retention off without a date", () => {
    const html = render(
      "en",
      <WhatIfPanel state={parseState("?vendor=isetoh&exclude-contract=c-seishin-tsb")} update={() => {}} />,
    );
    expect(text(html)).toContain("Excluded contracts: c-seishin-tsb ×");
    expect(html).toMatch(/<input type="checkbox" disabled=""/);
  });
});
