import { describe, expect, it, onTestFinished, vi } from "vitest";
import { type BlastRadius, impactAnswer } from "../../domain/index.ts";
import { jsonChunks, ROWS_PER_CHUNK } from "../../report/chunks.ts";
import { buildReport } from "../../report/document.ts";
import { REPORT_FORMATS, renderBlastRadius } from "../../report/render.ts";
import { SMALL_RADIUS } from "../helpers/fixtures.ts";

/** A radius of `n` organisations at depth 1, each with one contract to v (every 7th undisclosed). */
function radius(n: number): BlastRadius {
  const base = SMALL_RADIUS.affected[0] as BlastRadius["affected"][number];
  const affected = Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `o${i}`,
    name: `組織 ${i} "quoted", <b>`,
    depth: 1,
    records: i % 7 === 0 ? 0 : i * 10,
    undisclosed: i % 7 === 0 ? 1 : 0,
    path: [`o${i}`, "v"],
    chain: [`k${i}`],
  }));
  const contracts = affected.map((a, i) => ({
    id: `k${i}`,
    consignor: a.id,
    contractor: "v",
    records: i % 7 === 0 ? null : a.records,
    subjects: null,
    carries: null,
    source: null,
    confidence: "confirmed" as const,
  }));
  return {
    ...SMALL_RADIUS,
    affected,
    contracts,
    totals: { ...SMALL_RADIUS.totals, organisations: n, contracts: n },
  };
}

const joined = (pieces: Iterable<string>) => [...pieces].join("");

describe("reports in pieces", () => {
  it("writes JSON exactly as JSON.stringify(value, null, 2) does, whatever the value", () => {
    const values: unknown[] = [
      impactAnswer(SMALL_RADIUS),
      impactAnswer(radius(1200)),
      { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: [], e: {}, f: null },
      { nested: { deeper: { deepest: [1, { x: "y\nz" }, []] } }, when: new Date(Date.UTC(2024, 4, 26)) },
      [[], [[]], [{}], "文字", 0, -1.5, true],
      "plain",
      42,
      null,
    ];
    for (const value of values) expect(joined(jsonChunks(value))).toBe(JSON.stringify(value, null, 2));
  });

  it("cuts a long answer into pieces of about 64 KiB, and every format joins back to one text", () => {
    const big = radius(3 * ROWS_PER_CHUNK + 1);
    // Reports say when they were made: the same moment for both renders compared.
    vi.useFakeTimers({ now: new Date("2026-11-28T03:00:00Z"), toFake: ["Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    for (const format of REPORT_FORMATS) {
      const pieces = [...renderBlastRadius(format, { result: big, lang: "en" }).chunks()];
      const text = pieces.join("");
      expect(text, format).toBe(renderBlastRadius(format, { result: big, lang: "en" }).body);
      // GEXF is built whole by graphology-gexf; every other format comes in pieces.
      if (format === "gexf") expect(pieces).toHaveLength(1);
      else {
        expect(pieces.length, format).toBeGreaterThan(1);
        for (const piece of pieces.slice(0, -1))
          expect(piece.length, format).toBeGreaterThanOrEqual(64 * 1024);
      }
    }
    // Every row once, in order: the last organisation's row ends the table.
    const csv = renderBlastRadius("csv", { result: big, lang: "en" }).body.split("\r\n");
    expect(csv).toHaveLength(1 + 1501 + 1);
    expect(csv[1501]?.startsWith("o1500,")).toBe(true);
    expect(csv[1502]).toBe("");
    // Every row of every table of the document once: Markdown adds a header and an alignment line
    // per table, HTML a header row.
    const tables = buildReport({ result: big, lang: "en" }).sections.flatMap((s) =>
      s.tables.filter((t) => t.rows.length > 0),
    );
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    expect(rows).toBeGreaterThan(1501);
    const md = renderBlastRadius("md", { result: big, lang: "en" }).body;
    expect(md.match(/^\| /gm)).toHaveLength(rows + 2 * tables.length);
    const html = renderBlastRadius("html", { result: big, lang: "en" }).body;
    expect(html.match(/<tr>/g)).toHaveLength(rows + tables.length);
  });
});
