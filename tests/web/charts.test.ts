import { describe, expect, it } from "vitest";
import type { AffectedOrganisation, BlastRadius, GroupedBlastRadius } from "../../domain/index.ts";
import { compactFigureIn as compactFigure } from "../../locale/index.ts";
import { tierTotals } from "../../web/src/graph/tiers.ts";
import { timelineModel } from "../../web/src/organisation/timeline.ts";
import { reportedRecords } from "../../web/src/radius/ReportedBars.tsx";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("the exposure timeline of a chain", () => {
  const chain = {
    contracts: [
      { id: "c1", consignor: "a", contractor: "b", since: "2012", until: null, deleteBy: "2024-03" },
      { id: "c2", consignor: "b", contractor: "v", since: "2021-11", until: "2023", deleteBy: null },
    ],
    incidents: [{ id: "i", victim: "v", discovered: "2024-05-26", disclosed: "2024-05" }],
  };

  it("reads partial dates as periods: since from its first day, until and delete_by to their last", () => {
    const model = timelineModel(chain, "2024-06-01");
    expect(model.bars.map((b) => [b.id, b.from, b.to, b.deleteBy, b.overdueAtIncident])).toEqual([
      ["c1", day("2012-01-01"), null, day("2024-03-31"), true],
      ["c2", day("2021-11-01"), day("2023-12-31"), null, false],
    ]);
    expect(model.marks.map((m) => [m.key, m.kind, m.at])).toEqual([
      ["i:discovered", "discovered", day("2024-05-26")],
      ["i:disclosed", "disclosed", day("2024-05-01")],
      ["as-of", "asOf", day("2024-06-01")],
    ]);
  });

  it("spans every known date with a twentieth of the span beyond each end", () => {
    const { domain } = timelineModel(chain, null);
    const low = day("2012-01-01").getTime();
    const high = day("2024-05-26").getTime();
    expect(domain).toEqual([new Date(low - (high - low) / 20), new Date(high + (high - low) / 20)]);
  });

  it("says so when nothing on the chain has a date, and a deadline after the incident is not overdue", () => {
    expect(
      timelineModel({ contracts: [{ id: "c", consignor: "a", contractor: "b" }], incidents: [] }, null)
        .domain,
    ).toBe(null);
    const later = timelineModel(
      {
        contracts: [{ id: "c", consignor: "a", contractor: "b", deleteBy: "2024-05" }],
        incidents: chain.incidents,
      },
      null,
    );
    expect(later.bars[0]?.overdueAtIncident).toBe(false);
  });
});

const org = (id: string, depth: number, records: number, undisclosed = 0): AffectedOrganisation => ({
  id,
  name: id,
  nameEn: null,
  kind: "company",
  region: null,
  depth,
  records,
  subjects: 0,
  undisclosed,
  path: [],
  chain: [],
  dataCategories: [],
  reported: [],
  confirmed: true,
});

describe("the totals per tier", () => {
  const radius = (affected: AffectedOrganisation[], truncated?: { shown: number; total: number }) =>
    ({ compromised: [{ id: "v", name: "v", nameEn: null }], affected, truncated }) as unknown as BlastRadius;

  it("adds up every tier, the compromised at depth 0, and names the nodes drawn in each", () => {
    const answer = radius([org("a", 1, 10), org("b", 1, 5, 2), org("c", 2, 7)]);
    expect(tierTotals(answer, answer, null)).toEqual([
      { depth: 0, organisations: 1, records: 0, undisclosed: 0, drawn: ["v"] },
      { depth: 1, organisations: 2, records: 15, undisclosed: 2, drawn: ["a", "b"] },
      { depth: 2, organisations: 1, records: 7, undisclosed: 0, drawn: ["c"] },
    ]);
  });

  it("takes a cut radius's tiers from its grouped answer, and gives none before it comes", () => {
    const cut = radius([org("a", 1, 10)], { shown: 1, total: 3 });
    expect(tierTotals(cut, cut, null)).toBe(null);
    const grouped = {
      tiers: [{ depth: 1, organisations: 3, records: 40, undisclosed: 1, groups: [] }],
    } as unknown as GroupedBlastRadius;
    const drawn = radius([org("g:1:company", 1, 40, 1)]);
    expect(tierTotals(cut, drawn, grouped)?.[1]).toEqual({
      depth: 1,
      organisations: 3,
      records: 40,
      undisclosed: 1,
      drawn: ["g:1:company"],
    });
  });
});

describe("reported beside modelled", () => {
  const report = (records: number | null, status: string, reportedOn: string | null) => ({
    incident: "i",
    organisation: "o",
    records,
    subjects: null,
    grossRecords: null,
    status,
    reportedOn,
    source: null,
  });
  it("draws the confirmed report over an early estimate, never one that ruled it out", () => {
    // Ehime: an estimate of 80 on 2024-06-08, then a final report of 80,626 (undated in the sample).
    const ehime = {
      ...org("ehime", 1, 80_626),
      reported: [report(80, "possible", "2024-06-08"), report(80_626, "confirmed", null)],
    };
    expect(reportedRecords(ehime)).toBe(80_626);
    const later = {
      ...org("x", 1, 5),
      reported: [report(3, "confirmed", "2024-07-01"), report(4, "confirmed", "2024-11-18")],
    };
    expect(reportedRecords(later)).toBe(4);
    const ruledOut = {
      ...org("y", 1, 5),
      reported: [report(0, "ruled_out", "2024-07-01"), report(null, "possible", null)],
    };
    expect(reportedRecords(ruledOut)).toBe(null);
  });
});

describe("figures in few characters (tier headings where columns stand close)", () => {
  it("rounds down, so that a lower bound stays one, and says undisclosed in words", () => {
    expect(compactFigure("en", 1_185_878, 1)).toBe("≥ 1.1M");
    expect(compactFigure("en", 65_536_806, 124)).toBe("≥ 65.5M");
    expect(compactFigure("en", 1_266)).toBe("1.2K");
    expect(compactFigure("en", 610)).toBe("610");
    expect(compactFigure("ja", 65_536_806, 124)).toBe("≥ 6553.6万");
    expect(compactFigure("ja", 0, 3)).toBe("非公表");
    expect(compactFigure("en", 0, 3)).toBe("undisclosed");
  });
});
