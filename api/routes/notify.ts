import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import { type BreachRequest, breachAnswer, breachPackets } from "../../answers/breach.ts";
import { loadRules, rulesFileName } from "../../answers/rules.ts";
import {
  BREACH_PARAMETERS,
  type NotifyPage,
  ParameterError,
  parseBreachChoices,
  REPORT_DECISIONS,
  type ReportDecision,
  RuleSetError,
  sortedByDeadline,
} from "../../domain/index.ts";
import { LANG_PARAMETER, type Lang, parseLang } from "../../locale/index.ts";
import { jsonChunks } from "../../report/chunks.ts";
import { renderHtml } from "../../report/html.ts";
import { breachCsvLines } from "../../report/packets/csv.ts";
import { packetFiles } from "../../report/packets/files.ts";
import { zipStream } from "../../report/packets/zip.ts";
import { type ApiContext, notFound } from "../context.ts";
import {
  choice,
  parameter,
  type Query,
  route,
  SCENARIO_PARAMETERS,
  scenarioFromQuery,
  single,
  wholeNumber,
} from "../params.ts";
import { stamped } from "../stamp.ts";

/** A page of the answer lists this many organisations unless `limit` says otherwise. */
export const NOTIFY_PAGE = 200;
const MAX_PAGE = 5000;
const NOTIFY_QUERY = [...SCENARIO_PARAMETERS, ...BREACH_PARAMETERS];
const SORTS = ["deadline", "id"] as const;
const EXPORT_FORMATS = ["json", "csv"] as const;
const TAGS = ["breach response"];

/** The scenario and the breach-response choices of a request (aware, cause, the day days count from). */
function notifyQuery(query: Query) {
  const choices = parseBreachChoices({
    aware: single(query, "aware"),
    cause: single(query, "cause"),
    today: single(query, "today"),
  });
  return { scenario: scenarioFromQuery(query), ...choices };
}

/**
 * Breach response over HTTP (docs/breach-response.md): a page of the answer sorted by deadline
 * or id, the whole answer streamed as JSON or CSV, and the packets as one zip or one page. Each
 * reads the rule file (again when it changed) and goes through the heavy-request gate; every
 * answer, and every packet with it, is read from one load.
 */
export function notifyRoutes(app: FastifyInstance, context: ApiContext): void {
  /**
   * The breach request with the rule file read now; or null once a 500 says what is wrong with the
   * server's own rule file (the operator's to mend).
   */
  function breachRequest(asked: ReturnType<typeof notifyQuery>, reply: FastifyReply): BreachRequest | null {
    const { scenario, aware, cause } = asked;
    try {
      return { scenario, aware, cause, rules: loadRules(), timeoutMs: context.queryTimeoutMs };
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      reply.code(500).send({ error: "rules", message: error.message });
      return null;
    }
  }

  /** The request's answer alone, through the heavy-request gate. */
  async function answer(asked: ReturnType<typeof notifyQuery>, reply: FastifyReply) {
    const request = breachRequest(asked, reply);
    return request && context.gate.run(() => breachAnswer(context.engine, request));
  }

  /** The packets of a request's scenario, in the language asked (Japanese by default). */
  async function packets(asked: ReturnType<typeof notifyQuery> & { lang: Lang }, reply: FastifyReply) {
    const request = breachRequest(asked, reply);
    if (!request) return null;
    const options = { rulesFile: rulesFileName(), today: asked.today, lang: asked.lang };
    return context.gate.run(() => breachPackets(context.engine, request, options));
  }

  route(
    app,
    "GET",
    "/api/notify",
    {
      summary: "Breach response: a page of every affected organisation's duties, sorted by deadline or id",
      tags: TAGS,
      query: [
        ...NOTIFY_QUERY,
        parameter({ name: "sort", kind: "choice", choices: SORTS, help: "deadline (default) or id" }),
        parameter({ name: "offset", kind: "count", help: "skip this many organisations (default 0)" }),
        parameter({
          name: "limit",
          kind: "count",
          help: `a page of this many (default ${NOTIFY_PAGE}, at most ${MAX_PAGE})`,
        }),
      ],
      parse: (query) => {
        const sort = choice(query, "sort", SORTS, "deadline");
        const limit = wholeNumber(query, "limit", NOTIFY_PAGE, MAX_PAGE);
        const offsetText = single(query, "offset") ?? "0";
        const offset = Number(offsetText);
        if (!Number.isInteger(offset) || offset < 0)
          throw new ParameterError("offset", `offset: "${offsetText}" is not a whole number ≥ 0`);
        return { sort, limit, offset, ...notifyQuery(query) };
      },
    },
    async (asked, _request, reply): Promise<NotifyPage | FastifyReply> => {
      const response = await answer(asked, reply);
      if (!response) return reply;
      const { sort, offset, limit, today } = asked;
      const { organisations, compromised, ...head } = response;
      const ordered = sort === "id" ? organisations : sortedByDeadline(organisations);
      const own = Object.fromEntries(REPORT_DECISIONS.map((d) => [d, 0])) as Record<ReportDecision, number>;
      const entrusted = { ...own };
      for (const o of organisations) {
        own[o.report] += 1;
        if (o.entrusted) entrusted[o.entrusted.report] += 1;
      }
      return {
        ...head,
        today,
        totals: { organisations: organisations.length, own, entrusted },
        page: { sort, offset, limit, total: organisations.length },
        organisations: ordered.slice(offset, offset + limit),
        compromised,
      };
    },
  );

  // The whole answer, streamed: a piece at a time, never one string of it all.
  route(
    app,
    "GET",
    "/api/notify/export",
    {
      summary: "Breach response: the whole answer, streamed as JSON or CSV",
      tags: TAGS,
      query: [
        ...NOTIFY_QUERY,
        parameter({ name: "format", kind: "choice", choices: EXPORT_FORMATS, help: "json (default) or csv" }),
      ],
      parse: (query) => ({ format: choice(query, "format", EXPORT_FORMATS, "json"), ...notifyQuery(query) }),
    },
    async (asked, _request, reply) => {
      const response = await answer(asked, reply);
      if (!response) return reply;
      const { format, today } = asked;
      const name = `keiro-notify-${response.scenario.compromised.join("+")}.${format}`;
      return stamped(reply, response.dataset)
        .type(format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(Readable.from(format === "json" ? jsonChunks(response) : breachCsvLines(response, today)));
    },
  );

  const packetQuery = (query: Query) => ({ lang: parseLang(single(query, "lang")), ...notifyQuery(query) });

  route(
    app,
    "GET",
    "/api/notify/packets",
    {
      summary: "Breach response: every packet and their index as one zip",
      tags: TAGS,
      query: [...NOTIFY_QUERY, LANG_PARAMETER],
      parse: packetQuery,
    },
    async (asked, _request, reply) => {
      const book = await packets(asked, reply);
      if (!book) return reply;
      const { compromised, affected } = book.packetIds;
      const count = compromised.length + affected.length;
      if (count > context.reportLimit)
        throw new ParameterError(
          "vendor",
          `packets: ${count.toLocaleString("en-US")} organisations are more than one download holds (${context.reportLimit.toLocaleString("en-US")}); write them with npm run notify -- … --out DIR`,
        );
      const folder = `keiro-notify-${book.facts.response.scenario.compromised.join("+")}`;
      return stamped(reply, book.facts.response.dataset)
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${folder}.zip"`)
        .send(zipStream(packetFiles(book), folder));
    },
  );

  // One organisation's packet as a printable page (the explorer's Response view opens it).
  route(
    app,
    "GET",
    "/api/notify/packet/:id",
    {
      summary: "Breach response: one organisation's packet as a printable page",
      tags: TAGS,
      query: [...NOTIFY_QUERY, LANG_PARAMETER],
      path: [{ name: "id", kind: "text", help: "the organisation, affected or compromised" }],
      parse: packetQuery,
    },
    async (asked, request, reply) => {
      const { id } = request.params as { id: string };
      const book = await packets(asked, reply);
      if (!book) return reply;
      const { compromised, affected } = book.packetIds;
      const doc = compromised.includes(id)
        ? book.compromisedPacket(id)
        : affected.includes(id)
          ? book.affectedPacket(id)
          : null;
      if (!doc)
        throw notFound(`no packet for "${id}": it is neither affected nor compromised in this scenario`);
      return stamped(reply, book.facts.response.dataset)
        .type("text/html; charset=utf-8")
        .send(Readable.from(renderHtml(doc)));
    },
  );
}
