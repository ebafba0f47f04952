import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breachAnswer, breachPackets } from "../../answers/breach.ts";
import { loadRules } from "../../answers/rules.ts";
import { type BreachResponse, type Cause, type ParameterError, parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { type BreachGraph, breachDataset } from "../helpers/breachGraphs.ts";
import { load, testDriver } from "../helpers/database.ts";

/**
 * Breach response (DOMAIN.md, docs/breach-response.md), each rule on a hand-made graph loaded
 * into the real Neo4j, with its exact answer; both engines must give the same one, from the whole
 * blast radius (as packets need it) and from the engine's facts of it (as the API's pages do).
 */
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

const rules = loadRules();

async function notify(
  g: BreachGraph,
  vendors: string[],
  options: { aware?: string; cause?: Cause } = {},
): Promise<BreachResponse> {
  await load(driver, breachDataset(g));
  const scenario = parseScenario({ vendor: vendors });
  const packets = (engine: CypherEngine | InMemoryEngine) =>
    breachPackets(
      engine,
      { scenario, rules, ...options },
      { rulesFile: "rules.json", today: "2024-06-01", lang: "ja" },
    );
  const fromCypher = (await packets(new CypherEngine(driver))).facts;
  const inMemory = new InMemoryEngine(driver, { timeoutMs: 30_000 });
  await inMemory.warm();
  const fromMemory = (await packets(inMemory)).facts;
  expect(fromMemory.response).toEqual(fromCypher.response);
  // What packets show beside the answer is the same from both engines too.
  expect([fromMemory.incidents, fromMemory.contracts]).toEqual([fromCypher.incidents, fromCypher.contracts]);
  // The answer alone, from the copy's facts (never building the radius) and from Cypher's radius.
  for (const engine of [inMemory, new CypherEngine(driver)])
    expect(await breachAnswer(engine, { scenario, rules, ...options })).toEqual(fromCypher.response);
  return fromCypher.response;
}

/** Each organisation as [id, triggers, report, authority, preliminaryBy, finalBy]. */
const brief = (r: BreachResponse) =>
  r.organisations.map((o) => [o.id, o.triggers.join(","), o.report, o.authority, o.preliminaryBy, o.finalBy]);

describe("breach response, each rule on a hand-made graph", () => {
  it("reports above the persons threshold, read literally: 100 / 101 for public bodies, 1,000 / 1,001 for others", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "p100:prefecture",
          "p101:prefecture",
          "m101:municipality",
          "c101:company",
          "c1000:company",
          "c1001:company",
        ],
        contracts: [
          "k1: p100 -> v 500/100 name;address",
          "k2: p101 -> v 500/101 name;address",
          "k3: m101 -> v 500/101 name",
          "k4: c101 -> v 500/101 name",
          "k5: c1000 -> v 5000/1000 name",
          "k6: c1001 -> v 5000/1001 name",
        ],
        incidents: ["i1 v misdelivery 2024-05-26"],
      },
      ["v"],
    );
    expect(r.aware).toBe("2024-05-26");
    expect(r.cause).toBe("accidental");
    expect(brief(r)).toEqual([
      ["c1000", "", "not_required", "PPC", null, null],
      ["c1001", "persons", "required", "PPC", "2024-05-31", "2024-06-25"],
      ["c101", "", "not_required", "PPC", null, null],
      ["m101", "persons", "required", "PPC", "2024-05-31", "2024-06-25"],
      ["p100", "", "not_required", "PPC", null, null],
      ["p101", "persons", "required", "PPC", "2024-05-31", "2024-06-25"],
    ]);
    expect(r.organisations.map((o) => [o.id, o.persons, o.personsUnknown, o.holdsData])).toEqual([
      ["c1000", 1000, 0, true],
      ["c1001", 1001, 0, true],
      ["c101", 101, 0, true],
      ["m101", 101, 0, true],
      ["p100", 100, 0, true],
      ["p101", 101, 0, true],
    ]);
  });

  it("tells special-care from financial data, and an account number alone is no trigger; triggers in DOMAIN.md's order", async () => {
    const r = await notify(
      {
        organisations: [
          "v:it_vendor",
          "sens:company",
          "fin:company",
          "acct:company",
          "both:company",
          "bank-acct:company",
        ],
        contracts: [
          "k1: sens -> v 10/10 name;health_check",
          "k2: fin -> v 10/10 name;credit_card",
          "k3: acct -> v 10/10 name;account_number",
          "k4: both -> v 3000/2000 credit_card;medical_history",
          "k5: bank-acct -> v 10/10 name;bank_account",
        ],
        incidents: ["i1 v loss 2024-02-27"],
      },
      ["v"],
    );
    expect(brief(r)).toEqual([
      ["acct", "", "not_required", "PPC", null, null],
      ["bank-acct", "", "not_required", "PPC", null, null],
      ["both", "sensitive,financial,persons", "required", "PPC", "2024-03-03", "2024-03-28"],
      ["fin", "financial", "required", "PPC", "2024-03-03", "2024-03-28"],
      ["sens", "sensitive", "required", "PPC", "2024-03-03", "2024-03-28"],
    ]);
  });

  it("sends banks, shinkin banks and insurers to the FSA and everyone else to the PPC", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "b:bank",
          "s:shinkin_bank",
          "i:insurer",
          "h:health_insurance_society",
          "c:company",
          "u:",
        ],
        contracts: [
          "k1: b -> v 1/1",
          "k2: s -> v 1/1",
          "k3: i -> v 1/1",
          "k4: h -> v 1/1",
          "k5: c -> v 1/1",
          "k6: u -> v 1/1",
        ],
        incidents: ["i1 v ransomware 2024-05-26"],
      },
      ["v"],
    );
    expect(r.organisations.map((o) => [o.id, o.kind, o.authority])).toEqual([
      ["b", "bank", "FSA"],
      ["c", "company", "PPC"],
      ["h", "health_insurance_society", "PPC"],
      ["i", "insurer", "FSA"],
      ["s", "shinkin_bank", "FSA"],
      ["u", null, "PPC"],
    ]);
  });

  it("gives 60 days to the final report of an unauthorized act and 30 to an accident; --cause overrides the incidents", async () => {
    const g: BreachGraph = {
      organisations: ["v:print_mail_vendor", "a:company", "s:company"],
      contracts: ["k1: a -> v 10/10 name", "k2: s -> v 10/10 health"],
      incidents: ["i1 v ransomware 2024-12-20"],
    };
    const unauthorized = await notify(g, ["v"]);
    expect(unauthorized.cause).toBe("unauthorized");
    expect(brief(unauthorized)).toEqual([
      ["a", "unauthorized", "required", "PPC", "2024-12-25", "2025-02-18"],
      ["s", "sensitive,unauthorized", "required", "PPC", "2024-12-25", "2025-02-18"],
    ]);
    const accidental = await notify(g, ["v"], { cause: "accidental" });
    expect(accidental.cause).toBe("accidental");
    expect(brief(accidental)).toEqual([
      ["a", "", "not_required", "PPC", null, null],
      ["s", "sensitive", "required", "PPC", "2024-12-25", "2025-01-19"],
    ]);
  });

  it("takes the cause from the incidents: accidental only when every one is a misdelivery, loss or misconfiguration", async () => {
    const orgs = ["v:it_vendor", "a:company"];
    const contracts = ["k1: a -> v 10/10 name"];
    const cause = async (incidents: string[]) =>
      (await notify({ organisations: orgs, contracts, incidents }, ["v"])).cause;
    expect(await cause(["i1 v misdelivery 2024-05-01", "i2 v misconfiguration 2024-06-01"])).toBe(
      "accidental",
    );
    expect(await cause(["i1 v misdelivery 2024-05-01", "i2 v intrusion 2024-06-01"])).toBe("unauthorized");
    expect(await cause(["i1 v - 2024-05-01"])).toBe("unauthorized");
    // A what-if with no incident at all is judged unauthorized: the prudent assumption.
    expect((await notify({ organisations: orgs, contracts }, ["v"], { aware: "2024-05-01" })).cause).toBe(
      "unauthorized",
    );
  });

  it("makes intermediaries tell their clients, and each compromised organisation its consignors", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "w:it_vendor",
          "m:shared_service",
          "a:shinkin_bank",
          "b:shinkin_bank",
          "c:company",
        ],
        contracts: [
          "k1: b -> m 10/10 name",
          "k2: a -> m ?/? name",
          "k3: m -> v 0/0 name",
          "k4: c -> w 5/5 name",
          "k5: c -> v 7/7 name",
        ],
        incidents: ["i1 v ransomware 2024-05-26", "i2 w ransomware 2024-06-02"],
      },
      ["w", "v"],
    );
    expect(r.aware).toBe("2024-05-26");
    expect(r.compromised).toEqual([
      { id: "v", name: "V", notify: ["c", "m"] },
      { id: "w", name: "W", notify: ["c"] },
    ]);
    expect(r.organisations).toEqual([
      {
        id: "a",
        name: "A",
        kind: "shinkin_bank",
        role: "client",
        holdsData: true,
        persons: 0,
        personsUnknown: 1,
        triggers: ["unauthorized"],
        report: "required",
        authority: "FSA",
        preliminaryBy: "2024-05-31",
        finalBy: "2024-07-25",
        notify: [],
      },
      {
        id: "b",
        name: "B",
        kind: "shinkin_bank",
        role: "client",
        holdsData: true,
        persons: 10,
        personsUnknown: 0,
        triggers: ["unauthorized"],
        report: "required",
        authority: "FSA",
        preliminaryBy: "2024-05-31",
        finalBy: "2024-07-25",
        notify: [],
      },
      {
        id: "c",
        name: "C",
        kind: "company",
        role: "client",
        holdsData: true,
        persons: 12,
        personsUnknown: 0,
        triggers: ["unauthorized"],
        report: "required",
        authority: "PPC",
        preliminaryBy: "2024-05-31",
        finalBy: "2024-07-25",
        notify: [],
      },
      {
        id: "m",
        name: "M",
        kind: "shared_service",
        role: "intermediary",
        holdsData: false,
        persons: 0,
        personsUnknown: 0,
        triggers: [],
        report: "not_required",
        authority: "PPC",
        preliminaryBy: null,
        finalBy: null,
        notify: ["a", "b"],
      },
    ]);
  });

  it("asks to assess when persons are undisclosed and no trigger holds; undisclosed records still hold data", async () => {
    const r = await notify(
      {
        organisations: ["v:print_mail_vendor", "q:company", "r:company", "z:company", "n:municipality"],
        contracts: [
          "k1: q -> v 500/? name",
          "k2: r -> v ?/50 name",
          "k3: z -> v 0/0 name",
          "k4: n -> v 80/60 name",
          "k5: n -> v 20/? address",
        ],
        incidents: ["i1 v misdelivery 2024-05-26"],
      },
      ["v"],
    );
    expect(
      r.organisations.map((o) => [
        o.id,
        o.holdsData,
        o.persons,
        o.personsUnknown,
        o.report,
        o.preliminaryBy,
        o.finalBy,
      ]),
    ).toEqual([
      ["n", true, 60, 1, "assess", "2024-05-31", "2024-06-25"],
      ["q", true, 0, 1, "assess", "2024-05-31", "2024-06-25"],
      ["r", true, 50, 0, "not_required", null, null],
      ["z", false, 0, 0, "not_required", null, null],
    ]);
  });

  it("starts the clocks on the first day of a partial discovered date, the earliest incident's", async () => {
    const g = (discovered: string[]) => ({
      organisations: ["v:print_mail_vendor", "a:company"],
      contracts: ["k1: a -> v 10/2000 name"],
      incidents: discovered.map((d, i) => `i${i} v loss ${d}`),
    });
    const month = await notify(g(["2024-05"]), ["v"]);
    expect([month.aware, month.organisations[0]?.preliminaryBy, month.organisations[0]?.finalBy]).toEqual([
      "2024-05-01",
      "2024-05-06",
      "2024-05-31",
    ]);
    expect((await notify(g(["2024-03-15", "2024"]), ["v"])).aware).toBe("2024-01-01");
    // --aware wins over the incidents.
    expect((await notify(g(["2024-05"]), ["v"], { aware: "2024-06-10" })).aware).toBe("2024-06-10");
  });

  it("needs --aware when no incident hit a compromised organisation, or none says when it was discovered", async () => {
    const orgs = ["v:print_mail_vendor", "x:it_vendor", "a:company"];
    const contracts = ["k1: a -> v 10/10 name", "k2: a -> x 1/1 name"];
    const refusal = async (incidents: string[]) =>
      notify({ organisations: orgs, contracts, incidents }, ["v"]).then(
        () => "answered",
        (error: ParameterError) => [error.constructor.name, error.parameter, error.message],
      );
    expect(await refusal(["i1 x ransomware 2024-05-26"])).toEqual([
      "ParameterError",
      "aware",
      "aware: --aware is needed (the day the compromise became known, YYYY-MM-DD): no incident in the dataset hit v",
    ]);
    expect(await refusal(["i1 v ransomware -"])).toEqual([
      "ParameterError",
      "aware",
      "aware: --aware is needed (the day the compromise became known, YYYY-MM-DD): no incident that hit v has a discovered date",
    ]);
  });
});
