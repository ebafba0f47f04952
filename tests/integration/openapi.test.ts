import { describe, expect, it } from "vitest";
import { BREACH_PARAMETERS, SCENARIO_PARAMETERS } from "../../domain/index.ts";
import { serveApi } from "../helpers/server.ts";

/**
 * The API describes itself: /api/openapi.json is an OpenAPI 3 document generated from the same
 * parameter tables the routes check requests against, so outside clients, generated SDKs and API
 * fuzzers see exactly what is accepted.
 */
const server = serveApi({ sample: true, queryTimeoutMs: 20_000 });

interface OpenApiParameter {
  name: string;
  in: string;
  schema: { type: string; items?: { type: string }; enum?: string[] };
}
type OpenApi = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; summary?: string }>>;
};

describe("the OpenAPI document", () => {
  it("lists every route with the parameters the routes take, from the same tables", async () => {
    const response = await server.app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as OpenApi;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toEqual({ title: "Keiro API", version: "0.1.0", description: expect.any(String) });
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/chain",
      "/api/compare",
      "/api/graph",
      "/api/health",
      "/api/impact",
      "/api/impact/group",
      "/api/impact/groups",
      "/api/notify",
      "/api/notify/export",
      "/api/notify/packet/{id}",
      "/api/notify/packets",
      "/api/organisations",
      "/api/organisations/{id}",
      "/api/organisations/{id}/neighbourhood",
      "/api/quality",
      "/api/rank",
      "/api/report",
    ]);
    expect(Object.keys(doc.paths["/api/impact"] ?? {}).sort()).toEqual(["get", "post"]);
    const names = (path: string) =>
      (doc.paths[path]?.get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
    const scenario = SCENARIO_PARAMETERS.map((p) => p.name);
    expect(names("/api/impact")).toEqual([...scenario, "limit"]);
    expect(names("/api/notify")).toEqual([
      ...scenario,
      ...BREACH_PARAMETERS.map((p) => p.name),
      "sort",
      "offset",
      "limit",
    ]);
    const vendor = doc.paths["/api/impact"]?.get?.parameters?.find((p) => p.name === "vendor");
    expect(vendor?.schema).toMatchObject({ type: "array", items: { type: "string" } });
    const sort = doc.paths["/api/notify"]?.get?.parameters?.find((p) => p.name === "sort");
    expect(sort?.schema.enum).toEqual(["deadline", "id"]);
    const id = doc.paths["/api/organisations/{id}"]?.get?.parameters?.find((p) => p.in === "path");
    expect(id?.name).toBe("id");
  });

  it("refuses what the schema refuses with the route's own words, naming the parameter", async () => {
    const twice = await server.app.inject({ url: "/api/impact?vendor=isetoh&max-depth=1&max-depth=2" });
    expect([twice.statusCode, twice.json()]).toEqual([
      400,
      { error: "bad_request", parameter: "max-depth", message: "max-depth: give it once, not 2 times" },
    ]);
    const notNumber = await server.app.inject({ url: "/api/impact?vendor=isetoh&max-depth=deep" });
    expect(notNumber.json().message).toBe('max-depth: "deep" is not a whole number ≥ 1');
    const badFlag = await server.app.inject({ url: "/api/report?vendor=isetoh&compare=maybe" });
    expect(badFlag.json()).toEqual({
      error: "bad_request",
      parameter: "compare",
      message: 'compare: "maybe" is not true or false',
    });
    const badId = await server.app.inject({ url: "/api/impact?vendor=no%20such" });
    expect(badId.json().message).toBe('vendor: "no such" is not a valid id');
    const one = await server.app.inject({ url: "/api/impact?vendor=isetoh&limit=1" });
    expect([one.statusCode, one.json().affected.length]).toEqual([200, 1]);
  });

  it("states the scenario in every answer as it was asked, without what was worked out from it", async () => {
    const stated = [
      "compromised",
      "excludedContracts",
      "excludedOrganisations",
      "maxDepth",
      "asOf",
      "enforceRetention",
    ];
    const asked = "vendor=isetoh&as-of=2024-05&max-depth=3";
    for (const url of [
      `/api/impact?${asked}`,
      `/api/impact/groups?${asked}`,
      `/api/notify?${asked}`,
      `/api/notify/export?${asked}`,
      `/api/report?${asked}&format=json`,
    ]) {
      const response = await server.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      const { scenario } = response.json() as { scenario: Record<string, unknown> };
      expect(Object.keys(scenario), url).toEqual(stated);
      expect(scenario.asOf, url).toBe("2024-05");
    }
    const compared = (await server.app.inject({ url: `/api/compare?${asked}` })).json();
    expect(Object.keys(compared.whatIf.scenario)).toEqual(stated);
  });
});
