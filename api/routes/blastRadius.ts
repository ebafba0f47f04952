import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { impactAnswerOf, rankAnswer } from "../../answers/impact.ts";
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
import { LANG_PARAMETER, parseLang } from "../../locale/index.ts";
import { checkSinceFormat, RANK_FORMATS, REPORT_FORMATS, renderBlastRadius } from "../../report/render.ts";
import { type ApiContext, notFound } from "../context.ts";
import {
  choice,
  flag,
  parameter,
  type Query,
  route,
  SCENARIO_PARAMETERS,
  scenarioFromQuery,
  single,
  wholeNumber,
} from "../params.ts";
import { stamped } from "../stamp.ts";

/** Large answers are cut to this many affected organisations unless `limit` says otherwise; totals stay exact. */
export const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 20_000;

const LIMIT = parameter({
  name: "limit",
  kind: "count",
  help: `list at most this many affected organisations (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT.toLocaleString("en-US")}); totals always cover all`,
});
const MEMBERS = (max: number, fallback: number) =>
  parameter({
    name: "members",
    kind: "count",
    help: `name each group's ${fallback} largest (at most ${max})`,
  });
const IMPACT_QUERY = [...SCENARIO_PARAMETERS, LIMIT];
const TAGS = ["blast radius"];

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
  const timeoutMs = context.queryTimeoutMs;
  const impactQuery = (query: Query) => ({
    scenario: scenarioFromQuery(query),
    limit: wholeNumber(query, "limit", DEFAULT_LIMIT, MAX_LIMIT),
  });

  route(
    app,
    "GET",
    "/api/impact",
    { summary: "The blast radius of a scenario", tags: TAGS, query: IMPACT_QUERY, parse: impactQuery },
    async (asked) => {
      const { result } = await heavy(() => impactAnswerOf(context.engine, { ...asked, timeoutMs }));
      return impactAnswer(result);
    },
  );

  // The same answer with the changes since an earlier one, posted as the body: worked out on the
  // whole answer, and only then are the lists cut to `limit`.
  route(
    app,
    "POST",
    "/api/impact",
    {
      summary: "The blast radius with the changes since an earlier answer (posted as the JSON body)",
      tags: TAGS,
      query: IMPACT_QUERY,
      parse: impactQuery,
    },
    async (asked, request) => {
      const earlier = postedEarlier(request.body, asked.scenario);
      const { result, since } = await heavy(() =>
        impactAnswerOf(context.engine, { ...asked, earlier, timeoutMs }),
      );
      return impactAnswer(result, since?.changes);
    },
  );

  // A radius too large to draw one by one: tiers, and in each the organisations by kind and region.
  route(
    app,
    "GET",
    "/api/impact/groups",
    {
      summary: "The blast radius grouped by tier, kind and region",
      tags: TAGS,
      query: [...SCENARIO_PARAMETERS, MEMBERS(20, 3)],
      parse: (query) => ({
        members: wholeNumber(query, "members", 3, 20),
        scenario: scenarioFromQuery(query),
      }),
    },
    async ({ scenario, members }) => {
      const grouped = await heavy(() => context.engine.grouped(scenario, members, timeoutMs));
      return { format: ANSWER_FORMAT, ...grouped };
    },
  );

  // One group of a grouped radius with up to `members` (at most 100) of its largest organisations
  // named: what the explorer draws when the analyst expands that group.
  route(
    app,
    "GET",
    "/api/impact/group",
    {
      summary: "One group of a grouped blast radius with up to 100 of its largest organisations",
      tags: TAGS,
      query: [
        ...SCENARIO_PARAMETERS,
        parameter({ name: "depth", kind: "count", help: "the group's tier" }),
        parameter({ name: "kind", kind: "text", help: "the group's kind of organisation (empty: unknown)" }),
        parameter({ name: "region", kind: "text", help: "the group's region (empty: unknown)" }),
        MEMBERS(100, 100),
      ],
      parse: (query) => ({
        members: wholeNumber(query, "members", 100, 100),
        depth: wholeNumber(query, "depth", 1, Number.MAX_SAFE_INTEGER),
        // An empty kind or region is the group of organisations whose kind or region is unknown.
        kind: single(query, "kind") || null,
        region: single(query, "region") || null,
        scenario: scenarioFromQuery(query),
      }),
    },
    async ({ scenario, members, depth, kind, region }) => {
      const grouped = await heavy(() => context.engine.grouped(scenario, members, timeoutMs));
      const group = grouped.tiers
        .find((t) => t.depth === depth)
        ?.groups.find((g) => g.kind === kind && g.region === region);
      if (!group)
        throw notFound(
          `no group of depth ${depth}, kind ${kind ?? "unknown"} and region ${region ?? "unknown"} in this blast radius`,
        );
      return { format: ANSWER_FORMAT, dataset: grouped.dataset, scenario: grouped.scenario, depth, ...group };
    },
  );

  route(
    app,
    "GET",
    "/api/compare",
    { summary: "A what-if beside the plain compromise", tags: TAGS, query: IMPACT_QUERY, parse: impactQuery },
    async (asked) => {
      const { comparison } = await heavy(() =>
        impactAnswerOf(context.engine, { ...asked, compare: true, timeoutMs }),
      );
      return comparisonAnswer(comparison as NonNullable<typeof comparison>);
    },
  );

  route(
    app,
    "GET",
    "/api/rank",
    {
      summary: "Vendors ranked by what their compromise alone would expose",
      tags: ["ranking"],
      query: [
        parameter({ name: "top", kind: "count", help: "only the first N (default 50, at most 100,000)" }),
        parameter({ name: "format", kind: "choice", choices: RANK_FORMATS, help: "json (default) or csv" }),
        parameter({ name: "confirmed-only", kind: "flag", help: "rank on confirmed contracts alone" }),
      ],
      parse: (query) => ({
        top: wholeNumber(query, "top", 50, 100_000),
        format: choice(query, "format", RANK_FORMATS, "json"),
        confirmedOnly: flag(query, "confirmed-only"),
      }),
    },
    async ({ top, format, confirmedOnly }, _request, reply) => {
      const { rendered, dataset } = await heavy(() => rankAnswer(context.engine, top, format, confirmedOnly));
      stamped(reply, dataset);
      if (format === "csv")
        reply.header("content-disposition", 'attachment; filename="keiro-vendor-rank.csv"');
      return reply.type(rendered.contentType).send(rendered.body);
    },
  );

  /** A report download; a POST carries an earlier answer, and the report shows the changes since it. */
  const reportSpec = (posted: boolean) => ({
    summary: posted
      ? "A report with the changes since an earlier answer (posted as the JSON body)"
      : "A report of the blast radius to hand on",
    tags: ["reports"],
    query: [
      ...SCENARIO_PARAMETERS,
      parameter({
        name: "format",
        kind: "choice",
        choices: REPORT_FORMATS,
        help: "json, csv, md, html (default) or gexf",
      }),
      parameter({ name: "compare", kind: "flag", help: "put the scenario beside the plain compromise" }),
      LANG_PARAMETER,
    ],
    parse: (query: Query) => {
      const format = choice(query, "format", REPORT_FORMATS, "html");
      const lang = parseLang(single(query, "lang"));
      const compare = flag(query, "compare");
      const scenario = scenarioFromQuery(query);
      if (posted) checkSinceFormat(format);
      return { format, lang, compare, scenario };
    },
  });
  for (const posted of [false, true])
    route(app, posted ? "POST" : "GET", "/api/report", reportSpec(posted), async (asked, request, reply) => {
      const { format, lang, compare, scenario } = asked;
      const earlier = posted ? postedEarlier(request.body, scenario) : undefined;
      // Bounded like any answer: the lists are cut at the report limit (the report says so), totals
      // exact; changes are worked out on the whole answer first.
      const input = await heavy(() =>
        impactAnswerOf(context.engine, { scenario, compare, earlier, limit: context.reportLimit, timeoutMs }),
      );
      const rendered = renderBlastRadius(format, { ...input, lang });
      const name = `keiro-impact-${scenario.compromised.join("+")}.${rendered.extension}`;
      return (
        stamped(reply, input.result.dataset)
          .type(rendered.contentType)
          .header("content-disposition", `attachment; filename="${name}"`)
          // In pieces of about 64 KiB, rendered as the client reads them: other requests are answered
          // between them, not after a render of the whole report.
          .send(Readable.from(rendered.chunks()))
      );
    });
}
