import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  type BreachRules,
  compareByDeadline,
  type OrganisationObligation,
  ParameterError,
  parseCause,
  parseDay,
  RuleSetError,
  todayInJapan,
} from "../../domain/index.ts";
import {
  computeNotify,
  computeObligations,
  type NotifyRequest,
  type NotifyResult,
  readContractDetails,
} from "../../notify/assemble.ts";
import { notifyCsvLines, notifyJsonChunks } from "../../notify/csv.ts";
import { PacketBook } from "../../notify/packet.ts";
import { packetHtml } from "../../notify/render.ts";
import { loadRules, rulesFileName } from "../../notify/rules.ts";
import { LANGS, type Lang } from "../../notify/words.ts";
import { packetFiles } from "../../notify/write.ts";
import { zipStream } from "../../notify/zip.ts";
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

/** The notify parameters beside the scenario: aware, cause, and the day days are counted from. */
function notifyParams(query: Query) {
  const aware = single(query, "aware");
  const cause = single(query, "cause");
  const today = single(query, "today");
  return {
    scenario: scenarioFromQuery(query),
    aware: aware === undefined || aware === "" ? undefined : parseDay("aware", aware),
    cause: cause === undefined || cause === "" ? undefined : parseCause(cause),
    today: today === undefined || today === "" ? todayInJapan() : parseDay("today", today),
  };
}

/**
 * Breach response over HTTP (docs/breach-response.md): a page of the answer sorted by deadline
 * or id, the whole answer streamed as JSON or CSV, and the packets as one zip. Each reads the
 * rule file (again when it changed) and goes through the heavy-request gate.
 */
export function notifyRoutes(app: FastifyInstance, context: ApiContext): void {
  /**
   * What a request asks, with the rule file read now; or null once a 500 says what is wrong with
   * the server's own rule file (the operator's to mend).
   */
  function notifyRequest(query: Query, reply: FastifyReply): NotifyRequest | null {
    const { scenario, aware, cause } = notifyParams(query);
    try {
      return { scenario, aware, cause, rules: loadRules(), timeoutMs: context.queryTimeoutMs };
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      reply.code(500).send({ error: "rules", message: error.message });
      return null;
    }
  }

  /** The request's answer alone, through the heavy-request gate: the engine's facts of the radius. */
  async function obligations(query: Query, reply: FastifyReply) {
    const request = notifyRequest(query, reply);
    return request && context.gate.run(() => computeObligations(context.engine, context.driver, request));
  }

  /** The answer with the whole blast radius packets are written from, through the gate. */
  async function withRadius(
    query: Query,
    reply: FastifyReply,
  ): Promise<{ result: NotifyResult; rules: BreachRules } | null> {
    const request = notifyRequest(query, reply);
    if (!request) return null;
    const result = await context.gate.run(() => computeNotify(context.engine, context.driver, request));
    return { result, rules: request.rules };
  }

  app.get("/api/notify", async (request, reply) => {
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
    const { today } = notifyParams(query);
    const got = await obligations(query, reply);
    if (!got) return reply;
    const { organisations, compromised, ...head } = got.response;
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
      page: { sort, offset, limit, total: organisations.length },
      organisations: ordered.slice(offset, offset + limit),
      compromised,
    };
  });

  // The whole answer, streamed: one organisation at a time, never one string of it all.
  app.get("/api/notify/export", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "format"]);
    const format = single(query, "format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw new ParameterError("format", `format: "${format}" is not json or csv`);
    const { today, scenario } = notifyParams(query);
    const got = await obligations(query, reply);
    if (!got) return reply;
    const { response } = got;
    const name = `keiro-notify-${scenario.compromised.join("+")}.${format}`;
    return reply
      .type(format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(Readable.from(format === "json" ? notifyJsonChunks(response) : notifyCsvLines(response, today)));
  });

  /** The packet book of a request's scenario, in the language asked (Japanese by default). */
  const packetBook = async (query: Query, reply: FastifyReply) => {
    const lang = (single(query, "lang") ?? "ja") as Lang;
    if (!LANGS.includes(lang))
      throw new ParameterError("lang", `lang: "${lang}" is not one of ${LANGS.join(", ")}`);
    const { today, scenario } = notifyParams(query);
    const got = await withRadius(query, reply);
    if (!got) return null;
    const { result, rules } = got;
    const details = await readContractDetails(
      context.driver,
      result.radius.contracts.map((c) => c.id),
      context.queryTimeoutMs,
    );
    const book = new PacketBook(result, details, { rules, rulesFile: rulesFileName(), today, lang });
    return { book, response: result.response, scenario };
  };

  app.get("/api/notify/packets", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "lang"]);
    const got = await packetBook(query, reply);
    if (!got) return reply;
    const { book, response, scenario } = got;
    const packets = response.organisations.length + response.compromised.length;
    if (packets > context.reportLimit)
      throw new ParameterError(
        "vendor",
        `packets: ${packets.toLocaleString("en-US")} organisations are more than one download holds (${context.reportLimit.toLocaleString("en-US")}); write them with npm run notify -- … --out DIR`,
      );
    const folder = `keiro-notify-${scenario.compromised.join("+")}`;
    const files = packetFiles(
      book,
      response.compromised.map((c) => c.id),
      response.organisations.map((o) => o.id),
    );
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="${folder}.zip"`)
      .send(zipStream(files, folder));
  });

  // One organisation's packet as a printable page (the explorer's Response view opens it).
  app.get("/api/notify/packet/:id", async (request, reply) => {
    const query = request.query as Query;
    checkKnown(query, [...NOTIFY_PARAMETERS, "lang"]);
    const { id } = request.params as { id: string };
    const got = await packetBook(query, reply);
    if (!got) return reply;
    const { book, response } = got;
    const doc = response.compromised.some((c) => c.id === id)
      ? book.compromisedPacket(id)
      : response.organisations.some((o) => o.id === id)
        ? book.affectedPacket(id)
        : null;
    if (!doc)
      throw notFound(`no packet for "${id}": it is neither affected nor compromised in this scenario`);
    return reply.type("text/html; charset=utf-8").send(packetHtml(doc, { packetPrefix: "" }));
  });
}
