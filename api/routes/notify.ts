import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import { type BreachRequest, breachAnswer, breachPackets } from "../../answers/breach.ts";
import { loadRules, rulesFileName } from "../../answers/rules.ts";
import {
  compareByDeadline,
  type NotifyPage,
  type OrganisationObligation,
  ParameterError,
  parseCause,
  parseDay,
  RuleSetError,
  todayInJapan,
} from "../../domain/index.ts";
import { parseLang } from "../../locale/index.ts";
import { jsonChunks } from "../../report/chunks.ts";
import { renderHtml } from "../../report/html.ts";
import { breachCsvLines } from "../../report/packets/csv.ts";
import { packetFiles } from "../../report/packets/files.ts";
import { zipStream } from "../../report/packets/zip.ts";
import { type ApiContext, notFound } from "../context.ts";
import {
  checkKnown,
  type Query,
  SCENARIO_PARAMETERS,
  scenarioFromQuery,
  single,
  wholeNumber,
} from "../params.ts";

/** A page of the answer lists this many organisations unless `limit` says otherwise. */
export const NOTIFY_PAGE = 200;
const MAX_PAGE = 5000;
const NOTIFY_PARAMETERS = [...SCENARIO_PARAMETERS, "aware", "cause", "today"];
const SORTS = ["deadline", "id"] as const;

/** A full day from the query, or undefined when it is absent or empty. */
function day(query: Query, name: string): string | undefined {
  const text = single(query, name);
  return text === undefined || text === "" ? undefined : parseDay(name, text);
}

/**
 * Breach response over HTTP (docs/breach-response.md): a page of the answer sorted by deadline
 * or id, the whole answer streamed as JSON or CSV, and the packets as one zip or one page. Each
 * reads the rule file (again when it changed) and goes through the heavy-request gate; every
 * answer, and every packet with it, is read from one load.
 */
export function notifyRoutes(app: FastifyInstance, context: ApiContext): void {
  /**
   * What a request asks, with the rule file read now; or null once a 500 says what is wrong with
   * the server's own rule file (the operator's to mend).
   */
  function breachRequest(query: Query, reply: FastifyReply): BreachRequest | null {
    const cause = single(query, "cause");
    const request = {
      scenario: scenarioFromQuery(query),
      aware: day(query, "aware"),
      cause: cause === undefined || cause === "" ? undefined : parseCause(cause),
      timeoutMs: context.queryTimeoutMs,
    };
    try {
      return { ...request, rules: loadRules() };
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      reply.code(500).send({ error: "rules", message: error.message });
      return null;
    }
  }

  /** The request's answer alone, through the heavy-request gate. */
  async function answer(query: Query, reply: FastifyReply) {
    const request = breachRequest(query, reply);
    return request && context.gate.run(() => breachAnswer(context.engine, request));
  }

  /** The packets of a request's scenario, in the language asked (Japanese by default). */
  async function packets(query: Query, reply: FastifyReply) {
    const lang = parseLang(single(query, "lang"));
    const today = day(query, "today") ?? todayInJapan();
    const request = breachRequest(query, reply);
    if (!request) return null;
    const options = { rulesFile: rulesFileName(), today, lang };
    return context.gate.run(() => breachPackets(context.engine, request, options));
  }

  app.get("/api/notify", async (request, reply): Promise<NotifyPage | FastifyReply> => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "sort", "offset", "limit"]);
    const sort = single(query, "sort") ?? "deadline";
    if (!(SORTS as readonly string[]).includes(sort))
      throw new ParameterError("sort", `sort: "${sort}" is not one of ${SORTS.join(", ")}`);
    const limit = wholeNumber(query, "limit", NOTIFY_PAGE, MAX_PAGE);
    const offsetText = single(query, "offset") ?? "0";
    const offset = Number(offsetText);
    if (!Number.isInteger(offset) || offset < 0)
      throw new ParameterError("offset", `offset: "${offsetText}" is not a whole number ≥ 0`);
    const today = day(query, "today") ?? todayInJapan();
    const response = await answer(query, reply);
    if (!response) return reply;
    const { organisations, compromised, ...head } = response;
    const ordered = sort === "id" ? organisations : [...organisations].sort(compareByDeadline);
    const count = (report: OrganisationObligation["report"]) =>
      organisations.filter((o) => o.report === report).length;
    return {
      ...head,
      today,
      totals: {
        organisations: organisations.length,
        required: count("required"),
        assess: count("assess"),
        notRequired: count("not_required"),
      },
      page: { sort: sort as NotifyPage["page"]["sort"], offset, limit, total: organisations.length },
      organisations: ordered.slice(offset, offset + limit),
      compromised,
    };
  });

  // The whole answer, streamed: a piece at a time, never one string of it all.
  app.get("/api/notify/export", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "format"]);
    const format = single(query, "format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new ParameterError("format", `format: "${format}" is not json or csv`);
    const today = day(query, "today") ?? todayInJapan();
    const response = await answer(query, reply);
    if (!response) return reply;
    const name = `keiro-notify-${response.scenario.compromised.join("+")}.${format}`;
    return reply
      .type(format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(Readable.from(format === "json" ? jsonChunks(response) : breachCsvLines(response, today)));
  });

  app.get("/api/notify/packets", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "lang"]);
    const book = await packets(query, reply);
    if (!book) return reply;
    const { compromised, affected } = book.packetIds;
    const count = compromised.length + affected.length;
    if (count > context.reportLimit)
      throw new ParameterError(
        "vendor",
        `packets: ${count.toLocaleString("en-US")} organisations are more than one download holds (${context.reportLimit.toLocaleString("en-US")}); write them with npm run notify -- … --out DIR`,
      );
    const folder = `keiro-notify-${book.facts.response.scenario.compromised.join("+")}`;
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="${folder}.zip"`)
      .send(zipStream(packetFiles(book), folder));
  });

  // One organisation's packet as a printable page (the explorer's Response view opens it).
  app.get("/api/notify/packet/:id", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "lang"]);
    const { id } = request.params as { id: string };
    const book = await packets(query, reply);
    if (!book) return reply;
    const { compromised, affected } = book.packetIds;
    const doc = compromised.includes(id)
      ? book.compromisedPacket(id)
      : affected.includes(id)
        ? book.affectedPacket(id)
        : null;
    if (!doc)
      throw notFound(`no packet for "${id}": it is neither affected nor compromised in this scenario`);
    return reply.type("text/html; charset=utf-8").send(Readable.from(renderHtml(doc)));
  });
}
