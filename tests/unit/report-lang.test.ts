import { describe, expect, it } from "vitest";
import {
  type BlastRadius,
  changesSince,
  impactAnswer,
  ParameterError,
  readEarlierAnswer,
} from "../../domain/index.ts";
import { parseLang } from "../../locale/index.ts";
import { buildReport } from "../../report/document.ts";
import { renderBlastRadius } from "../../report/render.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** The small radius later: a's records 100 → 120, b left, d entered at depth 1. */
const [a, , c] = SMALL_RADIUS.affected;
const LATER: BlastRadius = {
  ...SMALL_RADIUS,
  compromised: [{ id: "v", name: "ベンダー", nameEn: "Vendor Ltd.", kind: "print_mail_vendor" }],
  affected: [
    { ...(a as BlastRadius["affected"][0]), records: 120 },
    { ...(a as BlastRadius["affected"][0]), id: "d", name: "D市", nameEn: "D City", records: 5 },
    c as BlastRadius["affected"][0],
  ],
  totals: { ...SMALL_RADIUS.totals, records: 132, undisclosedContracts: 0 },
};
const earlier = readEarlierAnswer(JSON.parse(JSON.stringify(impactAnswer(SMALL_RADIUS))), "earlier.json");
const since = { changes: changesSince(earlier, LATER), earlier };
const madeAt = new Date("2024-11-18T00:00:00Z");

describe("impact reports in Japanese and English", () => {
  it("are written in Japanese unless English is asked for", () => {
    expect(parseLang(undefined)).toBe("ja");
    expect(parseLang("en")).toBe("en");
    expect(() => parseLang("fr")).toThrow(new ParameterError("lang", 'lang: "fr" is not one of ja, en'));
  });

  it("Japanese: title, every heading and the figures' words", () => {
    const doc = buildReport({ result: LATER, since, lang: "ja" }, madeAt);
    expect([doc.lang, doc.title, doc.subtitle]).toEqual([
      "ja",
      "影響範囲：ベンダー",
      "Keiro 影響分析レポート（2024-11-18T00:00:00.000Z 作成）",
    ]);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "シナリオ",
      "2024-07-04T00:00:00Z 以降の変化",
      "種別ごと",
      "地域ごと",
      "委託先を経由する経路",
      "影響を受ける組織",
      "公表値とモデル値",
      "出典",
    ]);
    expect(doc.sections[0]?.paragraphs[0]).toBe("ベンダーが侵害された場合。");
    const changes = doc.sections[1];
    expect(changes?.paragraphs).toEqual([
      "以前の回答（フィンガープリント f0、読み込み 2024-07-04T00:00:00Z のデータセット）と比べ、新たに影響を受ける組織が 1、影響を受けなくなった組織が 1、数値が変わった組織が 1 あります。",
    ]);
    expect(changes?.tables.map((t) => [t.header, ...t.rows])).toEqual([
      [
        ["", "以前 → 現在"],
        ["影響を受ける組織", "3"],
        ["計上した委託契約", "3"],
        ["流出のおそれがある件数", "≥ 107 → 132"],
        ["流出のおそれがある人数", "非公表"],
        ["件数非公表の契約", "1 → 0"],
      ],
      [
        ["新たに影響を受ける組織", "段数", "件数"],
        ["D市（D City）", "1", "5"],
      ],
      [
        ["影響を受けなくなった組織", "以前の段数", "以前の件数"],
        ["B", "1", "非公表"],
      ],
      [
        ["数値が変わった組織", "段数", "件数", "人数", "件数非公表の契約"],
        ["A", "1", "100 → 120", "0", "0"],
      ],
    ]);
    expect(doc.sections[2]?.tables[0]?.rows).toEqual([["市区町村", "3", "132"]]);
  });

  it("English: the same report in English words and names", () => {
    const doc = buildReport({ result: LATER, since, lang: "en" }, madeAt);
    expect([doc.title, doc.subtitle]).toEqual([
      "Blast radius: Vendor Ltd.",
      "Keiro impact report, made 2024-11-18T00:00:00.000Z",
    ]);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "Scenario",
      "Changes since 2024-07-04T00:00:00Z",
      "By kind",
      "By region",
      "Chains through contractors",
      "Affected organisations",
      "Reported beside modelled",
      "Sources",
    ]);
    expect(doc.sections[0]?.paragraphs[0]).toBe("Compromise of Vendor Ltd. (ベンダー).");
    expect(doc.sections[1]?.paragraphs[0]).toBe(
      "Against the earlier answer (dataset fingerprint f0, loaded 2024-07-04T00:00:00Z): 1 organisation entered the blast radius, 1 left it, and 1 stayed in it with other figures.",
    );
    expect(doc.sections[1]?.tables.map((t) => t.header)).toEqual([
      ["", "then → now"],
      ["Entered", "depth", "records"],
      ["Left", "depth then", "records then"],
      ["Changed", "depth", "records", "persons", "undisclosed contracts"],
    ]);
    expect(doc.sections[2]?.tables[0]?.rows).toEqual([["Municipality", "3", "132"]]);
  });

  it("Markdown and HTML: the headings as written, the page's language declared", () => {
    const md = renderBlastRadius("md", { result: LATER, since, lang: "en" }).body;
    expect(md).toContain("## Changes since 2024-07-04T00:00:00Z\n");
    expect(md).toContain("| Records exposed | ≥ 107 → 132 |");
    expect(md).toContain("| A | 1 | 100 → 120 | 0 | 0 |");
    const html = renderBlastRadius("html", { result: LATER, since }).body;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("<h2>2024-07-04T00:00:00Z 以降の変化</h2>");
    expect(html).toContain('<tr><td>流出のおそれがある件数</td><td class="n">≥ 107 → 132</td></tr>');
    expect(renderBlastRadius("html", { result: LATER, lang: "en" }).body).toContain('<html lang="en">');
  });

  it("CSV: headers in the chosen language, a change column and the organisations that left", () => {
    const ja = renderBlastRadius("csv", { result: LATER, since }).body.split("\r\n");
    expect(ja[0]).toBe(
      "\uFEFFID,名称,英語名,種別,地域,段数,件数,件数は下限,人数,件数非公表の契約,経路,公表値,確認済みの委託で影響,変化,以前の段数,以前の件数,以前の人数,以前の件数非公表の契約",
    );
    expect(ja.slice(1)).toEqual([
      "a,A,,municipality,Aichi,1,120,いいえ,0,0,a > v,,はい,数値が変化,1,100,0,0",
      "d,D市,D City,municipality,Aichi,1,5,いいえ,0,0,a > v,,はい,新たに影響,,,,",
      "c,C,,municipality,Aichi,2,7,いいえ,0,0,c > a > v,,はい,変化なし,2,7,0,0",
      "b,B,,bank,,,,,,,,,,影響なしに,1,0,0,1",
      "",
    ]);
    const en = renderBlastRadius("csv", { result: LATER, since, lang: "en" }).body.split("\r\n");
    expect(en[0]).toBe(
      "\uFEFFid,name,name_en,kind,region,depth,records,records_lower_bound,subjects,undisclosed_contracts,path,reported,confirmed,change,depth_then,records_then,subjects_then,undisclosed_contracts_then",
    );
    expect(en[4]).toBe("b,B,,bank,,,,,,,,,,left,1,0,0,1");
    // Without an earlier answer, the columns of before.
    expect(renderBlastRadius("csv", { result: LATER, lang: "en" }).body.split("\r\n")[0]).toBe(
      "\uFEFFid,name,name_en,kind,region,depth,records,records_lower_bound,subjects,undisclosed_contracts,path,reported,confirmed",
    );
  });

  it("JSON: field names never change with the language; changes added as the field", () => {
    const json = JSON.parse(renderBlastRadius("json", { result: LATER, since, lang: "ja" }).body);
    expect(Object.keys(json)).toEqual([
      "format",
      "dataset",
      "scenario",
      "compromised",
      "affected",
      "contracts",
      "unmodelled",
      "totals",
      "confirmed",
      "changes",
    ]);
    expect(json.changes).toEqual(since.changes);
  });

  it("GEXF does not show changes and says so", () => {
    expect(() => renderBlastRadius("gexf", { result: LATER, since })).toThrow(
      "since: a GEXF graph does not show changes; use json, csv, md or html",
    );
  });
});
