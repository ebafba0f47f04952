import { describe, expect, it } from "vitest";
import { buildServer } from "../../api/server.ts";
import { startDatabase, stopDatabase } from "../../neo4j/bundled/lifecycle.ts";
import { bundledVersionName, databaseConfig } from "../../neo4j/config.ts";
import { openDriver } from "../../neo4j/driver.ts";
import { query } from "../helpers/database.ts";
import { serveApi } from "../helpers/server.ts";

const server = serveApi({ sample: true, listen: true, queryTimeoutMs: 20_000 });

async function get(path: string) {
  const response = await fetch(`${server.base}${path}`);
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    type,
    headers: response.headers,
    text,
    json: type.startsWith("application/json") ? JSON.parse(text) : undefined,
  };
}

describe("the HTTP API over the Isetoh sample", () => {
  it("reports its health without credentials", async () => {
    const { status, json, text } = await get("/api/health");
    expect(status).toBe(200);
    expect(json.status).toBe("ok");
    // The bundled server of this test run (KEIRO_NEO4J_VERSION), or a server named on purpose.
    if (process.env.NEO4J_URI) expect(json.database.version).toMatch(/^(5|20\d\d)\./);
    else expect(json.database.version).toBe(bundledVersionName());
    expect(json.dataset).toMatchObject({ name: "isetoh-2024", organisations: 47, contracts: 41 });
    expect(text).not.toContain(databaseConfig().password);
  });

  it("searches Japanese and English names and ids, prefixes first, shorter names first", async () => {
    expect(
      (await get("/api/organisations?q=信用金庫")).json.results.map((r: { id: string }) => r.id),
    ).toEqual(["seishin-shinkin", "tono-shinkin", "ogaki-seino-shinkin", "tokai-shinkin-others"]);
    expect((await get("/api/organisations?q=Toyota")).json.results.map((r: { id: string }) => r.id)).toEqual([
      "toyota-city",
    ]);
    expect(
      (await get("/api/organisations?q=kan&limit=2")).json.results.map((r: { id: string }) => r.id),
    ).toEqual(["kantsu", "kantsu-shippers"]);
  });

  it("shows one organisation with its contracts, incidents and reports", async () => {
    const { json } = await get("/api/organisations/toyota-city");
    expect(json.organisation).toMatchObject({ id: "toyota-city", name: "豊田市", kind: "municipality" });
    expect(json.outgoing).toEqual([
      expect.objectContaining({
        id: "c-toyota-city-isetoh",
        counterpart: "isetoh",
        records: 1035603,
        subjects: 148620,
      }),
    ]);
    expect(json.exposures.map((e: { reportedOn: string }) => e.reportedOn)).toEqual([
      "2024-07-04",
      "2024-08-20",
    ]);
    expect((await get("/api/organisations/isetoh")).json).toMatchObject({
      incomingTotal: 29,
      outgoingTotal: 1,
      incidents: [expect.objectContaining({ id: "isetoh-2024", actor: "8Base" })],
    });
  });

  it("gives an organisation's neighbourhood, capped and saying so", async () => {
    const full = (await get("/api/organisations/tokai-shinkin-business/neighbourhood")).json;
    expect(full.neighbours.map((n: { id: string }) => n.id).sort()).toEqual([
      "isetoh",
      "ogaki-seino-shinkin",
      "seishin-shinkin",
      "tokai-shinkin-others",
      "tono-shinkin",
    ]);
    expect(full).toMatchObject({ contractsTotal: 5, truncated: false });
    const capped = (await get("/api/organisations/isetoh/neighbourhood?limit=10")).json;
    expect(capped).toMatchObject({ contractsTotal: 30, truncated: true });
    expect(capped.contracts.length).toBe(10);
  });

  it("answers impact like the command line, capping long lists with exact totals", async () => {
    const { json } = await get("/api/impact?vendor=isetoh&limit=2");
    expect(json.affected.map((a: { id: string }) => a.id)).toEqual(["toyota-city", "tokushima-pref"]);
    expect(json.truncated).toEqual({ shown: 2, total: 34 });
    const [stamp] = await query(
      server.driver,
      "MATCH (d:Dataset {id: 'current'}) RETURN d.name AS name, d.fingerprint AS fingerprint, d.loadedAt AS loadedAt",
    );
    expect([json.format, json.dataset]).toEqual([1, stamp]);
    expect(json.totals).toMatchObject({ organisations: 34, records: 1537836, undisclosedContracts: 18 });
  });

  it("compares a what-if with the plain compromise", async () => {
    const { json } = await get("/api/compare?vendor=isetoh&as-of=2024-05-26&enforce-retention=true");
    expect(json.change).toMatchObject({ records: -1456507, organisations: -11 });
    expect([json.format, json.dataset]).toEqual([1, json.whatIf.dataset]);
  });

  it("opens on an overview capped in organisations and contracts, saying how many it leaves out", async () => {
    const { status, json } = await get("/api/graph?limit=12&contracts=2");
    expect(status).toBe(200);
    expect(json.nodes).toHaveLength(12);
    expect(json.total).toEqual({ organisations: 47, contracts: 41 });
    const ids = json.nodes.map((n: { id: string }) => n.id);
    const among = await query<{ id: string; records: number | null }>(
      server.driver,
      `MATCH (a:Organisation)-[c:OUTSOURCES_TO]->(b:Organisation) WHERE a.id IN $ids AND b.id IN $ids
       RETURN c.id AS id, c.records AS records ORDER BY coalesce(c.records, -1) DESC, c.id`,
      { ids },
    );
    expect(among.length).toBeGreaterThan(2);
    expect(json.contractsAmong).toBe(among.length);
    expect(json.contracts.map((c: { id: string }) => c.id)).toEqual(among.slice(0, 2).map((c) => c.id));
    expect(json.truncated).toBe(true);
  });

  it("ranks vendors", async () => {
    const { json } = await get("/api/rank?top=2");
    expect(json.map((r: { id: string; records: number }) => [r.id, r.records])).toEqual([
      ["isetoh", 1537836],
      ["tokai-shinkin-business", 69403],
    ]);
  });

  it("serves report downloads in every format", async () => {
    const expected = {
      json: "application/json",
      csv: "text/csv",
      md: "text/markdown",
      html: "text/html",
      gexf: "application/gexf+xml",
    } as const;
    for (const [format, type] of Object.entries(expected)) {
      const response = await get(`/api/report?vendor=isetoh&format=${format}`);
      expect(response.status).toBe(200);
      expect(response.type).toContain(type);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="keiro-impact-isetoh.${format}"`,
      );
    }
    expect((await get("/api/report?vendor=isetoh&format=md&lang=en")).text).toContain(
      "| Records exposed | ≥ 1,537,836 |",
    );
    expect((await get("/api/report?vendor=isetoh&format=md")).text).toContain(
      "| 流出のおそれがある件数 | ≥ 1,537,836 |",
    );
    const json = (await get("/api/report?vendor=isetoh&format=json")).json;
    expect([json.format, json.dataset]).toEqual([
      1,
      (await get("/api/impact?vendor=isetoh&limit=1")).json.dataset,
    ]);
  });

  it("refuses bad parameters with 400 naming the parameter", async () => {
    const cases: [string, string, string][] = [
      ["/api/impact", "vendor", "vendor: name at least one compromised organisation"],
      ["/api/impact?vendor=ghost", "vendor", 'vendor: no organisation "ghost"'],
      ["/api/impact?vendor=isetoh&max-depth=two", "max-depth", 'max-depth: "two" is not a whole number ≥ 1'],
      [
        "/api/impact?vendor=isetoh&as-of=yesterday",
        "as-of",
        'as-of: "yesterday" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)',
      ],
      [
        "/api/impact?vendor=isetoh&enforce-retention=true",
        "enforce-retention",
        "enforce-retention needs as-of: deletion deadlines are judged at a date",
      ],
      [
        "/api/impact?vendor=isetoh&exclude-contract=c-nope",
        "exclude-contract",
        'exclude-contract: no contract "c-nope"',
      ],
      ["/api/impact?vendor=isetoh&limit=0", "limit", 'limit: "0" is not a whole number from 1 to 20000'],
      [
        "/api/impact?vendor=isetoh&colour=red",
        "colour",
        "colour: unknown parameter (known: vendor, exclude-contract, exclude-org, max-depth, as-of, enforce-retention, confirmed-only, limit)",
      ],
      ["/api/impact?vendor=bad%20id", "vendor", 'vendor: "bad id" is not a valid id'],
      [
        "/api/report?vendor=isetoh&format=pdf",
        "format",
        'format: "pdf" is not one of json, csv, md, html, gexf',
      ],
      ["/api/organisations", "q", "q: say what to search for"],
    ];
    for (const [path, parameter, message] of cases) {
      const { status, json } = await get(path);
      expect({ path, status, json }).toEqual({
        path,
        status: 400,
        json: { error: "bad_request", parameter, message },
      });
    }
    expect(await get("/api/organisations/ghost")).toMatchObject({
      status: 404,
      json: { error: "not_found", message: 'no organisation "ghost"' },
    });
  });
});

describe("the HTTP API without its database", () => {
  it("answers 503 with a clear message while the database is away", async () => {
    const unreachable = buildServer({
      driver: openDriver({ ...databaseConfig(), uri: "bolt://127.0.0.1:1" }),
      databaseUri: "bolt://127.0.0.1:1",
    });
    try {
      const response = await unreachable.inject({ method: "GET", url: "/api/impact?vendor=isetoh" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: "database_unavailable",
        message: "The database at bolt://127.0.0.1:1 cannot be reached; try again when it is back.",
      });
    } finally {
      await unreachable.close();
    }
  });

  it.runIf(!process.env.NEO4J_URI)("recovers by itself when the bundled database comes back", async () => {
    expect((await get("/api/health")).status).toBe(200);
    await stopDatabase();
    expect((await get("/api/impact?vendor=isetoh")).status).toBe(503);
    await startDatabase();
    const back = await get("/api/impact?vendor=isetoh");
    expect(back.status).toBe(200);
    expect(back.json.totals.records).toBe(1537836);
  });
});
