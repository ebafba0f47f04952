import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { impactAnswerOf, rankReport } from "../../answers/impact.ts";
import {
  ANSWER_FORMAT,
  checkComparable,
  comparisonAnswer,
  type EarlierAnswer,
  impactAnswer,
  ParameterError,
  readEarlierAnswer,
  type Scenario,
} from "../../domain/index.ts";
import { parseLang } from "../../locale/index.ts";
import {
  checkSinceFormat,
  RANK_FORMATS,
  type RankFormat,
  REPORT_FORMATS,
  type ReportFormat,
  renderBlastRadius,
} from "../../report/render.ts";
import { type ApiContext, notFound } from "../context.ts";
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

/**
 * The earlier answer a POST carries as its JSON body (within the server's BODY_LIMIT), read and
 * checked against the scenario asked now: refused with 400 naming the difference.
 */
function postedEarlier(body: unknown, scenario: Scenario): EarlierAnswer {
  if (body === undefined || body === null || body === "")
    throw new ParameterError(
      "since",
      "since: post the earlier answer (the JSON of an impact answer) as the request body",
    );
  const earlier = readEarlierAnswer(body, "the posted answer");
  checkComparable(earlier, scenario);
  return earlier;
}

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
    const { result } = await heavy(() => impactAnswerOf(context.engine, { scenario, ...options(query) }));
    return impactAnswer(result);
  });

  // The same answer with the changes since an earlier one, posted as the body: worked out on the
  // whole answer, and only then are the lists cut to `limit`.
  app.post("/api/impact", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "limit"]);
    const scenario = scenarioFromQuery(query);
    const limits = options(query);
    const earlier = postedEarlier(request.body, scenario);
    const { result, since } = await heavy(() =>
      impactAnswerOf(context.engine, { scenario, earlier, ...limits }),
    );
    return impactAnswer(result, since?.changes);
  });

  // A radius too large to draw one by one: tiers, and in each the organisations by kind and region.
  app.get("/api/impact/groups", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "members"]);
    const members = wholeNumber(query, "members", 3, 20);
    const scenario = scenarioFromQuery(query);
    const grouped = await heavy(() => context.engine.grouped(scenario, members, context.queryTimeoutMs));
    return { format: ANSWER_FORMAT, ...grouped };
  });

  // One group of a grouped radius with up to `members` (at most 100) of its largest organisations
  // named: what the explorer draws when the analyst expands that group.
  app.get("/api/impact/group", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "depth", "kind", "region", "members"]);
    const members = wholeNumber(query, "members", 100, 100);
    const depth = wholeNumber(query, "depth", 1, Number.MAX_SAFE_INTEGER);
    // An empty kind or region is the group of organisations whose kind or region is unknown.
    const kind = single(query, "kind") || null;
    const region = single(query, "region") || null;
    const scenario = scenarioFromQuery(query);
    const grouped = await heavy(() => context.engine.grouped(scenario, members, context.queryTimeoutMs));
    const group = grouped.tiers
      .find((t) => t.depth === depth)
      ?.groups.find((g) => g.kind === kind && g.region === region);
    if (!group)
      throw notFound(
        `no group of depth ${depth}, kind ${kind ?? "unknown"} and region ${region ?? "unknown"} in this blast radius`,
      );
    return { format: ANSWER_FORMAT, dataset: grouped.dataset, scenario, depth, ...group };
  });

  app.get("/api/compare", async (request) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "limit"]);
    const scenario = scenarioFromQuery(query);
    const { comparison } = await heavy(() =>
      impactAnswerOf(context.engine, { scenario, compare: true, ...options(query) }),
    );
    return comparisonAnswer(comparison as NonNullable<typeof comparison>);
  });

  app.get("/api/rank", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, ["top", "format"]);
    const top = wholeNumber(query, "top", 50, 100_000);
    const format = (single(query, "format") ?? "json") as RankFormat;
    if (!RANK_FORMATS.includes(format))
      throw new ParameterError("format", `format: "${format}" is not json or csv`);
    const rendered = await heavy(() => rankReport(context.engine, top, format));
    if (format === "csv") reply.header("content-disposition", 'attachment; filename="keiro-vendor-rank.csv"');
    return reply.type(rendered.contentType).send(rendered.body);
  });

  /** A report download; a POST carries an earlier answer, and the report shows the changes since it. */
  const report = async (request: FastifyRequest, reply: FastifyReply, posted: boolean) => {
    const query = request.query as Query;
    checkKnown(query, [...SCENARIO_PARAMETERS, "format", "compare", "lang"]);
    const format = (single(query, "format") ?? "html") as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new ParameterError("format", `format: "${format}" is not one of ${REPORT_FORMATS.join(", ")}`);
    const lang = parseLang(single(query, "lang"));
    const withPlain = flag(query, "compare");
    const scenario = scenarioFromQuery(query);
    if (posted) checkSinceFormat(format);
    const earlier = posted ? postedEarlier(request.body, scenario) : undefined;
    // Bounded like any answer: the lists are cut at the report limit (the report says so), totals
    // exact; changes are worked out on the whole answer first.
    const input = await heavy(() =>
      impactAnswerOf(context.engine, {
        scenario,
        compare: withPlain,
        earlier,
        limit: context.reportLimit,
        timeoutMs: context.queryTimeoutMs,
      }),
    );
    const rendered = renderBlastRadius(format, { ...input, lang });
    const name = `keiro-impact-${scenario.compromised.join("+")}.${rendered.extension}`;
    return (
      reply
        .type(rendered.contentType)
        .header("content-disposition", `attachment; filename="${name}"`)
        // In pieces of about 64 KiB, rendered as the client reads them: other requests are answered
        // between them, not after a render of the whole report.
        .send(Readable.from(rendered.chunks()))
    );
  };
  app.get("/api/report", (request, reply) => report(request, reply, false));
  app.post("/api/report", (request, reply) => report(request, reply, true));
}
