import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { parseDay, todayInJapan } from "../../domain/index.ts";
import { COPY_READ_TIMEOUT_MS } from "../../engine/graphRead.ts";
import { QualityReads } from "../../engine/qualityReads.ts";
import { LANG_PARAMETER, parseLang } from "../../locale/index.ts";
import { QUALITY_FORMATS, REPORT_ROWS, renderQuality } from "../../report/quality/render.ts";
import type { ApiContext } from "../context.ts";
import { choice, parameter, route, single, wholeNumber } from "../params.ts";
import { stamped } from "../stamp.ts";

/** A JSON answer lists this many rows of each item unless `limit` says otherwise; totals count all. */
export const QUALITY_ROWS = 100;
const MAX_ROWS = 20_000;

/**
 * What the loaded dataset lacks (docs/data-quality.md): the report as JSON for the explorer's Data
 * view, or as Markdown or HTML to download. The load is read once and kept (engine/qualityReads.ts):
 * reading a million contracts may outlast a request's timeout, so that read has the in-memory
 * copy's own, longer timeout; requests meanwhile wait for the same read.
 */
export function qualityRoutes(app: FastifyInstance, context: ApiContext): void {
  const reads = new QualityReads(context.driver, Math.max(context.queryTimeoutMs, COPY_READ_TIMEOUT_MS));
  route(
    app,
    "GET",
    "/api/quality",
    {
      summary: "What the loaded dataset lacks: completeness per kind, and the rows to ask about",
      tags: ["data quality"],
      query: [
        parameter({
          name: "today",
          kind: "day",
          value: "DAY",
          help: "judge dates as of this day (YYYY-MM-DD; default: today in Japan)",
        }),
        LANG_PARAMETER,
        parameter({
          name: "format",
          kind: "choice",
          choices: QUALITY_FORMATS,
          help: `json (default), or md or html to download (each listing the first ${REPORT_ROWS} rows of an item)`,
        }),
        parameter({
          name: "limit",
          kind: "count",
          help: `rows of each item in JSON (default ${QUALITY_ROWS}, at most ${MAX_ROWS.toLocaleString("en-US")}); totals count them all`,
        }),
      ],
      parse: (query) => {
        const today = single(query, "today");
        return {
          today: today === undefined || today === "" ? todayInJapan() : parseDay("today", today),
          lang: parseLang(single(query, "lang")),
          format: choice(query, "format", QUALITY_FORMATS, "json"),
          limit: wholeNumber(query, "limit", QUALITY_ROWS, MAX_ROWS),
        };
      },
    },
    async ({ today, lang, format, limit }, _request, reply) => {
      const report = await context.gate.run(() =>
        reads.report({ today, limit: format === "json" ? limit : REPORT_ROWS }),
      );
      if (format === "json") return report;
      const rendered = renderQuality(format, report, lang);
      return stamped(reply, report.dataset)
        .type(rendered.contentType)
        .header("content-disposition", `attachment; filename="keiro-quality-${today}.${rendered.extension}"`)
        .send(Readable.from(rendered.chunks()));
    },
  );
}
