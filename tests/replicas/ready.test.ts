import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { load, SAMPLE_DIR, testDriver } from "../helpers/database.ts";

/**
 * The readiness probe a balancer asks each replica (docs/deployment.md): 503 until the replica's
 * first in-memory copy is built, then 200; open to a probe that addresses the replica by its IP
 * and carries no token, while every other route stays behind the host check and the token.
 */
describe("GET /api/ready", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await load(driver, SAMPLE_DIR);
  });
  afterAll(async () => driver?.close());

  it("is 503 until the first copy is built, then 200; beyond loopback, without the token or a known host", async () => {
    const engine = new InMemoryEngine(driver, { timeoutMs: 20_000 });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first copy's build held back until the test lets it go.
    const warm = engine.warm.bind(engine);
    engine.warm = async () => {
      await held;
      return warm();
    };
    const app = buildServer({
      driver,
      databaseUri: "neo4j://test",
      engine,
      guard: { token: "s3cret-token", allowedHosts: ["keiro.example"] },
    });
    const probe = { url: "/api/ready", headers: { host: "10.0.0.5:8080" } };
    try {
      const before = await app.inject(probe);
      expect([before.statusCode, before.headers["retry-after"], before.json()]).toEqual([
        503,
        "1",
        { ready: false },
      ]);
      release();
      await engine.warm();
      const after = await app.inject(probe);
      expect([after.statusCode, after.json()]).toEqual([200, { ready: true }]);
      // Everything else still needs a known host name, then the token.
      expect((await app.inject({ url: "/api/health", headers: { host: "10.0.0.5:8080" } })).statusCode).toBe(
        421,
      );
      expect((await app.inject({ url: "/api/health", headers: { host: "keiro.example" } })).statusCode).toBe(
        401,
      );
      const ok = await app.inject({
        url: "/api/health",
        headers: { host: "keiro.example", authorization: "Bearer s3cret-token" },
      });
      expect(ok.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
