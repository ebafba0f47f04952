import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Comparison, VendorRank } from "../../domain/index.ts";
import { knownCountIn as formatCount, figureIn as formatFigure } from "../../locale/index.ts";
import { AffectedTable, rowKey } from "../../web/src/radius/AffectedTable.tsx";
import { TotalsPanel } from "../../web/src/radius/TotalsPanel.tsx";
import { RankRows } from "../../web/src/rank/RankPanel.tsx";
import { LanguageProvider } from "../../web/src/shared/i18n/language.tsx";
import { figureParts, type Lang } from "../../web/src/shared/i18n/strings.ts";
import { ErrorBoundary } from "../../web/src/shared/widgets/ErrorBoundary.tsx";
import { clampSideWidth, keyedWidth, SIDE_WIDTH_MIN } from "../../web/src/shared/widgets/SplitHandle.tsx";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const textContent = (html: string) => html.replace(/<[^>]+>/g, "");
const render = (lang: Lang, element: ReactElement) =>
  renderToStaticMarkup(<LanguageProvider lang={lang}>{element}</LanguageProvider>);

describe("undisclosed figures: one helper, both languages", () => {
  it("a figure with nothing known says undisclosed, never ≥ 0", () => {
    expect(formatFigure("en", 0, 1)).toBe("undisclosed");
    expect(formatFigure("ja", 0, 4)).toBe("非公表");
    expect(formatCount("en", null)).toBe("undisclosed");
    expect(formatCount("ja", null)).toBe("非公表");
    expect(formatCount("ja", 0)).toBe("0");
  });

  it("a partial total is a lower bound that says how many are left out", () => {
    expect(formatFigure("en", 1234, 3)).toBe("≥ 1,234 (+ 3 undisclosed)");
    expect(formatFigure("ja", 1234, 3)).toBe("≥ 1,234（非公表の契約 3 件を除く）");
    expect(figureParts("en", 1234, 3)).toEqual({
      value: "≥ 1,234",
      note: "(+ 3 undisclosed)",
      title: "3 contracts with undisclosed counts are not included in this figure",
    });
  });

  it("a fully known figure is just the number, zero included", () => {
    expect(formatFigure("en", 1537836, 0)).toBe("1,537,836");
    expect(formatFigure("ja", 0)).toBe("0");
  });

  it("the totals and the table write undisclosed and partial figures with the helper", () => {
    const en = textContent(render("en", <TotalsPanel result={SMALL_RADIUS} comparison={null} />));
    expect(en).toContain("Records≥ 107 (+ 1 undisclosed)");
    expect(en).toContain("Personsundisclosed");
    expect(en).not.toContain("≥ 0");
    const ja = textContent(render("ja", <TotalsPanel result={SMALL_RADIUS} comparison={null} />));
    expect(ja).toContain("件数≥ 107（非公表の契約 1 件を除く）");
    expect(ja).toContain("人数非公表");
    expect(ja).not.toContain("≥ 0");
    const table = text(
      render("ja", <AffectedTable rows={SMALL_RADIUS.affected} focus={null} onSelect={() => {}} />),
    );
    expect(table).toContain("B 銀行 1 非公表 0");
  });

  it("the rank list says undisclosed for a vendor whose every count is undisclosed", () => {
    const ranks: VendorRank[] = [
      {
        id: "isetoh",
        name: "株式会社イセトー",
        nameEn: "Isetoh Co., Ltd.",
        kind: "print_mail_vendor",
        records: 1537836,
        organisations: 34,
        undisclosedContracts: 5,
      },
      {
        id: "kantsu",
        name: "株式会社関通",
        nameEn: "Kantsu Co., Ltd.",
        kind: "logistics_vendor",
        records: 0,
        organisations: 5,
        undisclosedContracts: 5,
      },
    ];
    const en = text(render("en", <RankRows ranks={ranks} onCompromise={() => {}} />));
    expect(en).toContain(
      "Isetoh Co., Ltd. (株式会社イセトー) Printing and mailing ≥ 1,537,836 (+ 5 undisclosed) 34",
    );
    expect(en).toContain("Kantsu Co., Ltd. (株式会社関通) Logistics undisclosed 5");
    const ja = text(render("ja", <RankRows ranks={ranks} onCompromise={() => {}} />));
    expect(ja).toContain("株式会社関通（Kantsu Co., Ltd.） 物流業者 非公表 5");
  });
});

describe("the what-if list names organisations in the chosen language", () => {
  const comparison = {
    whatIf: SMALL_RADIUS,
    plain: SMALL_RADIUS,
    change: {
      organisations: -2,
      records: -2702,
      undisclosedContracts: -1,
      noLongerAffected: [
        {
          id: "seishin-shinkin",
          name: "静清信用金庫",
          nameEn: "Seishin Shinkin Bank",
          records: 2702,
          undisclosed: 0,
        },
        { id: "kantsu-client", name: "関通の委託元", nameEn: null, records: 0, undisclosed: 2 },
      ],
    },
  } as unknown as Comparison;

  it("in English, English names where known, and undisclosed figures in words", () => {
    const html = render("en", <TotalsPanel result={SMALL_RADIUS} comparison={comparison} />);
    const list = text(html.slice(html.indexOf('data-testid="no-longer-affected"')));
    expect(list).toContain("Seishin Shinkin Bank — 2,702");
    expect(list).toContain("関通の委託元 — undisclosed");
    expect(list).not.toContain("静清信用金庫");
  });

  it("in Japanese, Japanese names", () => {
    const html = render("ja", <TotalsPanel result={SMALL_RADIUS} comparison={comparison} />);
    const list = text(html.slice(html.indexOf('data-testid="no-longer-affected"')));
    expect(list).toContain("静清信用金庫 — 2,702");
    expect(list).toContain("関通の委託元 — 非公表");
    expect(list).not.toContain("Seishin Shinkin Bank");
  });
});

describe("errors show a message in the chosen language, never a blank page", () => {
  function Throws(): ReactElement {
    throw new Error("boom: no such vendor");
  }

  /** Server rendering has no error boundaries: the boundary is driven as React drives it on a throw. */
  const caught = (lang: Lang, error: Error) => {
    const boundary = new ErrorBoundary({ children: <Throws />, what: "errorScenario" });
    boundary.state = { ...boundary.state, ...ErrorBoundary.getDerivedStateFromError(error) };
    return text(render(lang, boundary.render() as ReactElement));
  };

  it("a throwing child is replaced by the message and the detail, in English and Japanese", () => {
    expect(() => render("en", <Throws />)).toThrow("boom");
    const en = caught("en", new Error("boom: no such vendor"));
    expect(en).toContain("Something could not be shown");
    expect(en).toContain("The scenario in this URL could not be loaded.");
    expect(en).toContain("Details: boom: no such vendor");
    expect(en).toContain("Try again");
    const ja = caught("ja", new Error("boom: no such vendor"));
    expect(ja).toContain("表示できませんでした");
    expect(ja).toContain("この URL のシナリオを読み込めませんでした。");
    expect(ja).toContain("詳細：boom: no such vendor");
  });

  it("renders its children while nothing fails, and tries again under a new reset key", () => {
    expect(text(render("en", <ErrorBoundary>fine</ErrorBoundary>))).toBe("fine");
    const failed = { error: new Error("x"), failed: true, at: "a" };
    expect(ErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: "a" }, failed)).toBeNull();
    expect(ErrorBoundary.getDerivedStateFromProps({ children: null, resetKey: "b" }, failed)).toMatchObject({
      failed: false,
    });
  });
});

describe("keyboard", () => {
  it("Enter or Space on a table row focuses its organisation; other keys do not", () => {
    const focused: string[] = [];
    expect(rowKey("Enter", "seishin-shinkin", (id) => focused.push(id))).toBe(true);
    expect(rowKey(" ", "toyota-city", (id) => focused.push(id))).toBe(true);
    expect(rowKey("a", "toyota-city", (id) => focused.push(id))).toBe(false);
    expect(focused).toEqual(["seishin-shinkin", "toyota-city"]);
  });

  it("the rows are keyboard stops, the selected one marked", () => {
    const html = render("en", <AffectedTable rows={SMALL_RADIUS.affected} focus="c" onSelect={() => {}} />);
    expect(html.match(/<tr [^>]*tabindex="0"/g)?.length).toBe(3);
    expect(html).toContain('<tr class="selected" data-id="c" tabindex="0" aria-selected="true">');
  });

  it("the arrow keys move the split: left widens the side panel, right narrows it, within bounds", () => {
    expect(keyedWidth("ArrowLeft", 560, false, 1000)).toBe(584);
    expect(keyedWidth("ArrowRight", 680, true, 1000)).toBe(584);
    expect(keyedWidth("ArrowRight", 560, true, 1000)).toBe(SIDE_WIDTH_MIN);
    expect(keyedWidth("ArrowRight", SIDE_WIDTH_MIN, false, 1000)).toBe(SIDE_WIDTH_MIN);
    expect(keyedWidth("Home", 560, false, 1000)).toBe(1000);
    expect(keyedWidth("x", 560, false, 1000)).toBeNull();
    expect(clampSideWidth(5000, 900)).toBe(900);
  });
});
