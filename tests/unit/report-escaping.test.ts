import { describe, expect, it } from "vitest";
import type { BlastRadius, VendorRank } from "../../domain/index.ts";
import { blastRadiusCsv, csvCell, rankCsv } from "../../report/csv.ts";
import { blastRadiusGexf } from "../../report/gexf.ts";
import { renderBlastRadius } from "../../report/render.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** Text from a dataset stays text in every export (issue 13, item 6; OWASP CSV injection). */
const HOSTILE = '=HYPERLINK("http://x","click")';
const radius: BlastRadius = {
  ...SMALL_RADIUS,
  affected: SMALL_RADIUS.affected.map((a, i) =>
    i === 0 ? { ...a, name: HOSTILE, nameEn: "@SUM(A1)", region: "-2+3", kind: "\tcmd" } : a,
  ),
};

describe("exports neutralise what a spreadsheet, Markdown or XML would run", () => {
  it("CSV: cells starting with = + - @ tab or CR get an apostrophe; numbers stay numbers", () => {
    expect(
      [HOSTILE, "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "plain", "-12", "+7", "3.5"].map(csvCell),
    ).toEqual([
      '"\'=HYPERLINK(""http://x"",""click"")"',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tcmd",
      '"\'\rcmd"',
      "plain",
      "-12",
      "+7",
      "3.5",
    ]);
    expect(csvCell(-5)).toBe("-5");
    const row = [...blastRadiusCsv(radius)].join("").split("\r\n")[1] as string;
    expect(row.startsWith(`a,"'=HYPERLINK(""http://x"",""click"")",'@SUM(A1),'\tcmd,'-2+3,1,100,`)).toBe(
      true,
    );
    const rank: VendorRank = {
      id: "v",
      name: "=cmd|' /C calc'!A0",
      nameEn: null,
      kind: null,
      records: -1,
      organisations: 0,
      undisclosedContracts: 0,
    };
    expect(rankCsv([rank]).split("\r\n")[1]).toBe("1,v,'=cmd|' /C calc'!A0,,-1,no,0,0");
  });

  it("Markdown: markup and control characters from the data are inert", () => {
    const markdown = renderBlastRadius("md", {
      result: {
        ...radius,
        affected: radius.affected.map((a, i) =>
          i === 1 ? { ...a, name: "[click](javascript:alert(1)) <img src=x>\u0007" } : a,
        ),
      },
    }).body;
    expect(markdown).toContain("\\[click\\](javascript:alert(1)) &lt;img src=x&gt;");
    expect(markdown).not.toContain("\u0007");
    expect(markdown).not.toContain("<img");
  });

  it("GEXF: markup escaped, characters XML cannot hold dropped", () => {
    const gexf = blastRadiusGexf({
      ...radius,
      affected: radius.affected.map((a, i) => (i === 0 ? { ...a, name: "<b>A&B</b>\u0001" } : a)),
    });
    expect(gexf).toContain('label="&lt;b>A&amp;B&lt;/b>"');
    expect(gexf).not.toContain("\u0001");
    expect(gexf).not.toContain("<b>");
  });
});
