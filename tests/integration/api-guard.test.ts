import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { PROJECT_ROOT } from "../helpers/paths.ts";

/** What protects the API from the browser's side (issue 13, item 7). */
function server(guard: Parameters<typeof buildServer>[0]["guard"]) {
  // Nothing here reaches the database: the guard answers before any route does.
  const driver = openDriver({ ...databaseConfig(), uri: "bolt://127.0.0.1:1" });
  const app = buildServer({ driver, databaseUri: "bolt://127.0.0.1:1", webRoot: "/nonexistent", guard });
  const close = async () => {
    await app.close();
    await driver.close();
  };
  return { app, close };
}

describe("the API's guard", () => {
  it("answers only requests addressed to this machine's names (no DNS rebinding), with safe headers", async () => {
    const { app, close } = server({ allowedHosts: ["keiro.example"] });
    try {
      const rebound = await app.inject({ url: "/", headers: { host: "attacker.example:8080" } });
      expect([rebound.statusCode, rebound.json()]).toEqual([
        421,
        { error: "misdirected", message: 'This server does not answer for "attacker.example".' },
      ]);
      for (const host of ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "keiro.example"]) {
        expect((await app.inject({ url: "/", headers: { host } })).statusCode).toBe(200);
      }
      const page = await app.inject({ url: "/", headers: { host: "localhost" } });
      expect(page.headers["content-security-policy"]).toBe(
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
          "img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
          "base-uri 'none'; object-src 'none'",
      );
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["referrer-policy"]).toBe("no-referrer");
    } finally {
      await close();
    }
  });

  it("with a token: nothing without it; the browser trades ?token= for an HttpOnly SameSite=Strict cookie", async () => {
    const lines: string[] = [];
    const { app, close } = server({ token: "s3cret-token", log: (line) => lines.push(line) });
    try {
      const headers = { host: "localhost" };
      expect((await app.inject({ url: "/api/health", headers })).statusCode).toBe(401);
      expect((await app.inject({ url: "/?token=wrong", headers })).statusCode).toBe(401);
      const first = await app.inject({ url: "/?vendor=isetoh&token=s3cret-token", headers });
      expect([first.statusCode, first.headers.location, first.headers["set-cookie"]]).toEqual([
        303,
        "/?vendor=isetoh",
        "keiro_token=s3cret-token; HttpOnly; SameSite=Strict; Path=/",
      ]);
      expect(
        (await app.inject({ url: "/", headers: { ...headers, cookie: "keiro_token=s3cret-token" } }))
          .statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ url: "/", headers: { ...headers, authorization: "Bearer s3cret-token" } }))
          .statusCode,
      ).toBe(200);
      // One line per request, route and status, never the token or the query.
      expect(lines).toHaveLength(5);
      expect(lines[2]).toMatch(/^\d{4}-\d\d-\d\dT\S+ GET \/ 303 \d+\.\d ms$/);
      expect(lines.join("\n")).not.toContain("s3cret");
    } finally {
      await close();
    }
  });

  it("stays on loopback when only the generic HOST says otherwise", async () => {
    const child = spawn("node", ["--import", "tsx", "bin/serve.ts"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HOST: "0.0.0.0", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
          const match = /Keiro API at (\S+)/.exec(line);
          if (match) resolve(match[1] as string);
        });
        child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
