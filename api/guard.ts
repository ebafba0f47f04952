import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Names that always mean this machine. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"];

export interface GuardOptions {
  /** Host names (without port) a request may be addressed to, besides the loopback names. */
  allowedHosts?: string[];
  /** When set, every request must carry it: bearer header, or the cookie the browser was given. */
  token?: string;
  /** One line per request (time, method, route, status, milliseconds); never a query string. */
  log?: (line: string) => void;
}

const TOKEN_COOKIE = "keiro_token";

function hostName(header: string | undefined): string {
  if (!header) return "";
  if (header.startsWith("[")) return header.slice(0, header.indexOf("]") + 1);
  return header.replace(/:\d+$/, "");
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The readiness probe (api/server.ts): open to any host name and without the token. */
export const READINESS_PATH = "/api/ready";

function cookieToken(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return value.join("=");
  }
  return undefined;
}

/**
 * Scripts only from this server (the built app, web/public/early.js; no inline script, no eval),
 * workers from it or from blobs (ForceAtlas2's worker is built from one), data only from it. Styles
 * may be inline: React sets style attributes, and packets and reports carry their own <style>.
 * Images may be data: URLs (the icon, the PNG export). Never framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/**
 * What protects the API from the browser's side (issue 13, item 7): requests addressed to
 * another host name are refused (421), so a DNS-rebinding page cannot reach it; every answer
 * forbids framing and MIME sniffing and sends no referrer; with a token, nothing is served
 * without it. The browser gets the token once in the URL (`?token=`) and keeps it in an
 * HttpOnly, SameSite=Strict cookie; other clients send `Authorization: Bearer`.
 */
export function guard(app: FastifyInstance, options: GuardOptions): void {
  const allowed = new Set([...LOOPBACK_NAMES, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  const started = new WeakMap<FastifyRequest, number>();

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    started.set(request, performance.now());
    // A balancer's readiness probe addresses a replica by its IP and carries no token; the answer
    // says nothing but ready or not (docs/deployment.md).
    if (request.method === "GET" && request.url.split("?")[0] === READINESS_PATH) return;
    const host = hostName(request.headers.host).toLowerCase();
    if (!allowed.has(host)) {
      return reply
        .code(421)
        .send({ error: "misdirected", message: `This server does not answer for "${host}".` });
    }
    const { token } = options;
    if (token === undefined) return;
    const url = new URL(request.url, "http://keiro");
    const given = url.searchParams.get("token");
    if (given !== null && sameToken(given, token)) {
      // The browser's first visit: keep the token in a cookie scripts cannot read, and drop it from the URL.
      url.searchParams.delete("token");
      return reply
        .header("set-cookie", `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
        .redirect(`${url.pathname}${url.search}`, 303);
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (sameToken(bearer, token) || sameToken(cookieToken(request), token)) return;
    return reply.code(401).send({ error: "unauthorized", message: "This server needs its access token." });
  });

  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });

  app.addHook("onResponse", async (request, reply) => {
    if (!options.log) return;
    const ms = performance.now() - (started.get(request) ?? performance.now());
    const route = request.routeOptions.url ?? new URL(request.url, "http://keiro").pathname;
    options.log(
      `${new Date().toISOString()} ${request.method} ${route} ${reply.statusCode} ${ms.toFixed(1)} ms`,
    );
  });
}
