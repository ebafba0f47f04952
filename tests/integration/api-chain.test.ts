import { describe, expect, it } from "vitest";
import { serveApi } from "../helpers/server.ts";

/** /api/chain: what the exposure timeline of a focused chain draws, from the sample. */
const server = serveApi({ sample: true, queryTimeoutMs: 20_000 });

const get = async (url: string) => {
  const response = await server.app.inject({ method: "GET", url });
  return { status: response.statusCode, json: response.json() };
};

describe("GET /api/chain", () => {
  it("gives Seishin's chain in its order with dates, and the incident that hit Isetoh", async () => {
    const { status, json } = await get("/api/chain?contract=c-seishin-tsb&contract=c-tsb-isetoh");
    expect(status).toBe(200);
    expect(
      json.contracts.map((c: Record<string, unknown>) => [
        c.id,
        c.consignor,
        c.contractor,
        c.records,
        c.since,
        c.until,
        c.deleteBy,
      ]),
    ).toEqual([
      ["c-seishin-tsb", "seishin-shinkin", "tokai-shinkin-business", 2702, null, null, null],
      ["c-tsb-isetoh", "tokai-shinkin-business", "isetoh", 0, null, null, "2023-10"],
    ]);
    expect(json.incidents).toEqual([
      {
        id: "isetoh-2024",
        victim: "isetoh",
        kind: "ransomware",
        discovered: "2024-05-26",
        disclosed: "2024-05-29",
        actor: "8Base",
        source:
          "ITmedia キーマンズネット「週刊セキュリティニュース」2024-06-29〜07-05 号 (item of 2024-07-03: attack discovered 2024-05-26, first notice 2024-05-29, second 2024-06-06, leak-site download URL seen 2024-06-18; Tokushima told on 2024-06-10 that the ransomware was 8Base) ; https://www.iseto.co.jp/news/news_202405-3.html (Isetoh's first notice of 2024-05-29; address as quoted by http://www.plug-in01.com/topics/archives/259) ; https://www.imagazine.co.jp/iseto-ransomeware/ (discovered 2024-05-26, announced 2024-05-29) ; https://shinkin-tokai.co.jp/news20241115.pdf (infected on 2024-05-26) ; https://internet.watch.impress.co.jp/docs/news/1630690.html",
      },
    ]);
  });

  it("keeps the order asked, and an unknown contract is simply not there", async () => {
    const { json } = await get("/api/chain?contract=c-tsb-isetoh&contract=no-such&contract=c-seishin-tsb");
    expect(json.contracts.map((c: { id: string }) => c.id)).toEqual(["c-tsb-isetoh", "c-seishin-tsb"]);
  });

  it("refuses no contract, an invalid id, a chain longer than 64 and unknown parameters", async () => {
    expect(await get("/api/chain")).toEqual({
      status: 400,
      json: { error: "bad_request", parameter: "contract", message: "contract: name at least one contract" },
    });
    expect((await get("/api/chain?contract=a%20b")).json.message).toBe('contract: "a b" is not a valid id');
    const many = Array.from({ length: 65 }, (_, i) => `contract=c${i}`).join("&");
    expect((await get(`/api/chain?${many}`)).json.message).toBe(
      "contract: 65 contracts, more than a chain of 64",
    );
    expect((await get("/api/chain?contract=c-tsb-isetoh&x=1")).json.message).toBe(
      "x: unknown parameter (known: contract)",
    );
  });
});
