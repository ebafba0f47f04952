import type { FastifyInstance } from "fastify";
import { ParameterError } from "../../domain/index.ts";
import { compare } from "../../engine/compare.ts";
import { readDatasetStamp } from "../../engine/graphRead.ts";
import { rankCsv } from "../../report/csv.ts";
import { REPORT_FORMATS, type ReportFormat, renderBlastRadius } from "../../report/render.ts";
import type { ApiContext } from "../context.ts";
import {
  checkKnown,
  flag,
  type Query,
  SCENARIO_PARAMETERS,
  scenarioFromQuery,
  single,
  wholeNumber,
} from "../params.ts";

/** Large answers are cut to this many affected organisations unless `limit` says otherwise; totals stay exact. */
export const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 20_000;

export function blastRadiusRoutes(app: FastifyInstance, context: ApiContext): void {
  const heavy = <T>(work: () => Promise<T>) => context.gate.run(work);
  const options = (query: Query) => ({
    limit: wholeNumber(query, "limit", DEFAULT_LIMIT, MAX_LIMIT),
    timeoutMs: context.queryTimeoutMs,
  });

  app.get("/api/impact", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "limit"]);
    const scenario = scenarioFromQuery(query);
    return heavy(() => context.engine.blastRadius(scenario, options(query)));
  });

  // A radius too large to draw one by one: tiers, and in each the organisations by kind and region.
  app.get("/api/impact/groups", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "members"]);
    const members = wholeNumber(query, "members", 3, 20);
    const scenario = scenarioFromQuery(query);
    return heavy(() => context.engine.grouped(scenario, members, context.queryTimeoutMs));
  });

  app.get("/api/compare", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "limit"]);
    const scenario = scenarioFromQuery(query);
    return heavy(() => compare(context.engine, scenario, options(query)));
  });

  app.get("/api/rank", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, ["top", "format"]);
    const top = wholeNumber(query, "top", 50, 100_000);
    const format = single(query, "format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new ParameterError("format", `format: "${format}" is not json or csv`);
    const ranks = await heavy(() => context.engine.rank(top));
    if (format === "json") return ranks;
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="keiro-vendor-rank.csv"')
      .send(rankCsv(ranks));
  });

  app.get("/api/report", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "format", "compare"]);
    const format = (single(query, "format") ?? "html") as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new ParameterError("format", `format: "${format}" is not one of ${REPORT_FORMATS.join(", ")}`);
    const scenario = scenarioFromQuery(query);
    // Bounded like any answer: the lists are cut at the report limit (the report says so), totals exact.
    const bounded = { limit: context.reportLimit, timeoutMs: context.queryTimeoutMs };
    const rendered = await heavy(async () => {
      const comparison = flag(query, "compare")
        ? await compare(context.engine, scenario, bounded)
        : undefined;
      const result = comparison?.whatIf ?? (await context.engine.blastRadius(scenario, bounded));
      return renderBlastRadius(format, result, await readDatasetStamp(context.driver), comparison);
    });
    const name = `keiro-impact-${scenario.compromised.join("+")}.${rendered.extension}`;
    return reply
      .type(rendered.contentType)
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(rendered.body);
  });
}
