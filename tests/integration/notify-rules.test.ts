import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breachAnswer, breachPackets } from "../../answers/breach.ts";
import { loadRules } from "../../answers/rules.ts";
import { buildServer } from "../../api/server.ts";
import { type BreachResponse, type Cause, type ParameterError, parseScenario } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { type BreachGraph, breachDataset } from "../helpers/breachGraphs.ts";
import { load, runCommand, testDriver } from "../helpers/database.ts";

/**
 * Breach response (DOMAIN.md "Breach response", docs/breach-response.md), each rule on a hand-made
 * graph loaded into the real Neo4j, with its exact answer; both engines must give the same one,
 * from the whole blast radius (as packets need it) and from the engine's facts of it (as the API's
 * pages do). Days are counted as the PPC's guidelines count them: the aware day is day 1, and a
 * final day on a closed day moves to the next open day.
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
  expect([fromMemory.incidents, fromMemory.contracts, fromMemory.breach]).toEqual([
    fromCypher.incidents,
    fromCypher.contracts,
    fromCypher.breach,
  ]);
  // The answer alone, from the copy's facts (never building the radius) and from Cypher's radius.
  for (const engine of [inMemory, new CypherEngine(driver)])
    expect(await breachAnswer(engine, { scenario, rules, ...options })).toEqual(fromCypher.response);
  return fromCypher.response;
}

/** Each organisation's own data as [id, triggers, report, authority, preliminaryBy, finalBy]. */
const brief = (r: BreachResponse) =>
  r.organisations.map((o) => [o.id, o.triggers.join(","), o.report, o.authority, o.preliminaryBy, o.finalBy]);

/** Each organisation's aware day and where it comes from, and its 確報. */
const clocks = (r: BreachResponse) => r.organisations.map((o) => [o.id, o.aware, o.awareFrom, o.finalBy]);

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
    expect([r.format, r.aware, r.cause, r.holidaysKnownThrough]).toEqual([
      2,
      "2024-05-26",
      "accidental",
      "2050-12-31",
    ]);
    // 速報: the 5th day counting 26 May as day 1 (a guide); 確報: the 30th day, Monday 24 June.
    expect(brief(r)).toEqual([
      ["c1000", "", "not_required", "PPC", null, null],
      ["c1001", "persons", "required", "PPC", "2024-05-30", "2024-06-24"],
      ["c101", "", "not_required", "PPC", null, null],
      ["m101", "persons", "required", "PPC", "2024-05-30", "2024-06-24"],
      ["p100", "", "not_required", "PPC", null, null],
      ["p101", "persons", "required", "PPC", "2024-05-30", "2024-06-24"],
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
          "crim:company",
        ],
        contracts: [
          "k1: sens -> v 10/10 name;health_check",
          "k2: fin -> v 10/10 name;credit_card",
          "k3: acct -> v 10/10 name;account_number",
          "k4: both -> v 3000/2000 credit_card;medical_history",
          "k5: bank-acct -> v 10/10 name;bank_account",
          "k6: crim -> v 10/10 juvenile_proceedings",
        ],
        incidents: ["i1 v loss 2024-02-27"],
      },
      ["v"],
    );
    // Tuesday 27 February: the guide is Saturday 2 March (never moved), the 30th day Wednesday 27 March.
    expect(brief(r)).toEqual([
      ["acct", "", "not_required", "PPC", null, null],
      ["bank-acct", "", "not_required", "PPC", null, null],
      ["both", "sensitive,financial,persons", "required", "PPC", "2024-03-02", "2024-03-27"],
      ["crim", "sensitive", "required", "PPC", "2024-03-02", "2024-03-27"],
      ["fin", "financial", "required", "PPC", "2024-03-02", "2024-03-27"],
      ["sens", "sensitive", "required", "PPC", "2024-03-02", "2024-03-27"],
    ]);
  });

  it("asks to assess a generic health or a vaccination history, and counts an ordinance's special-care data for public bodies only", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "h:company",
          "vac:municipality",
          "ord:municipality",
          "ordc:company",
        ],
        contracts: [
          "k1: h -> v 10/10 name;health",
          "k2: vac -> v 10/10 name;vaccination_history",
          "k3: ord -> v 10/10 name;ordinance_sensitive",
          "k4: ordc -> v 10/10 name;ordinance_sensitive",
        ],
        incidents: ["i1 v misdelivery 2024-05-26"],
      },
      ["v"],
    );
    expect(brief(r)).toEqual([
      ["h", "", "assess", "PPC", "2024-05-30", "2024-06-24"],
      ["ord", "sensitive", "required", "PPC", "2024-05-30", "2024-06-24"],
      ["ordc", "", "not_required", "PPC", null, null],
      ["vac", "", "assess", "PPC", "2024-05-30", "2024-06-24"],
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

  it("asks banks, shinkin banks and insurers for a best-effort report of their own data when the law obliges none", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "b:bank",
          "s:shinkin_bank",
          "i:insurer",
          "c:company",
          "e:bank",
        ],
        contracts: [
          "k1: b -> v 10/10 name",
          "k2: s -> v 5/5 name",
          "k3: i -> v 1/1 name",
          "k4: c -> v 10/10 name",
          "k5: e -> v 0/0 name",
        ],
        incidents: ["i1 v misdelivery 2024-05-26"],
      },
      ["v"],
    );
    expect(brief(r)).toEqual([
      ["b", "", "best_effort", "FSA", null, null],
      ["c", "", "not_required", "PPC", null, null],
      // A bank whose contract holds no data has nothing to report, even at best effort.
      ["e", "", "not_required", "FSA", null, null],
      ["i", "", "best_effort", "FSA", null, null],
      ["s", "", "best_effort", "FSA", null, null],
    ]);
  });

  it("gives the 60th day to the final report of an unauthorized act and the 30th to an accident; --cause overrides the incidents", async () => {
    const g: BreachGraph = {
      organisations: ["v:print_mail_vendor", "a:company", "s:company"],
      contracts: ["k1: a -> v 10/10 name", "k2: s -> v 10/10 health_check"],
      incidents: ["i1 v ransomware 2024-12-20"],
    };
    const unauthorized = await notify(g, ["v"]);
    expect(unauthorized.cause).toBe("unauthorized");
    // Friday 20 December: the 60th day is Monday 17 February.
    expect(brief(unauthorized)).toEqual([
      ["a", "unauthorized", "required", "PPC", "2024-12-24", "2025-02-17"],
      ["s", "sensitive,unauthorized", "required", "PPC", "2024-12-24", "2025-02-17"],
    ]);
    const accidental = await notify(g, ["v"], { cause: "accidental" });
    expect(accidental.cause).toBe("accidental");
    // The 30th day is Saturday 18 January: Monday 20 January.
    expect(brief(accidental)).toEqual([
      ["a", "", "not_required", "PPC", null, null],
      ["s", "sensitive", "required", "PPC", "2024-12-24", "2025-01-20"],
    ]);
  });

  it("moves a final day on a closed day to the next open one: weekend, national holiday, substitute holiday, 国民の休日, year end; after the calendar, weekends alone", async () => {
    // Each organisation learned of the leak on its own day (its recorded learned_on, later than the
    // discovery), chosen so that its 30th day falls on one kind of closed day.
    const days: [string, string, string][] = [
      ["a-weekend", "2024-11-01", "2024-11-30"], // Saturday 30 Nov → Monday 2 Dec
      ["b-holiday", "2025-01-13", "2025-02-11"], // 建国記念の日, Tuesday 11 Feb
      ["c-substitute", "2024-10-06", "2024-11-04"], // 振替休日 for 文化の日
      ["d-citizens", "2026-08-24", "2026-09-22"], // 国民の休日 between 敬老の日 and 秋分の日
      ["e-year-end", "2024-12-01", "2024-12-30"], // 29 Dec – 3 Jan, then the weekend
      ["f-open", "2024-06-03", "2024-07-02"], // a Tuesday: stays
      ["g-beyond", "2051-01-02", "2051-01-31"], // past the calendar (2050): Tuesday 31 Jan stays
    ];
    const r = await notify(
      {
        organisations: ["v:print_mail_vendor", ...days.map(([id]) => `${id}:company`)],
        contracts: days.map(([id], i) => `k${i}: ${id} -> v 10/10 health_check`),
        incidents: ["i1 v misdelivery 2024-05-26"],
        learned: days.map(([id, learned]) => `i1 ${id} ${learned}`),
      },
      ["v"],
    );
    expect(days.map(([, , thirtieth]) => thirtieth)).toEqual([
      "2024-11-30",
      "2025-02-11",
      "2024-11-04",
      "2026-09-22",
      "2024-12-30",
      "2024-07-02",
      "2051-01-31",
    ]);
    expect(clocks(r)).toEqual([
      ["a-weekend", "2024-11-01", "recorded", "2024-12-02"],
      ["b-holiday", "2025-01-13", "recorded", "2025-02-12"],
      ["c-substitute", "2024-10-06", "recorded", "2024-11-05"],
      ["d-citizens", "2026-08-24", "recorded", "2026-09-24"],
      ["e-year-end", "2024-12-01", "recorded", "2025-01-06"],
      ["f-open", "2024-06-03", "recorded", "2024-07-02"],
      ["g-beyond", "2051-01-02", "recorded", "2051-01-31"],
    ]);
    // The guide is the 5th day, never moved (e-year-end's is a Thursday, b-holiday's a Friday).
    expect(r.organisations.map((o) => o.preliminaryBy)).toEqual([
      "2024-11-05",
      "2025-01-17",
      "2024-10-10",
      "2026-08-28",
      "2024-12-05",
      "2024-06-07",
      "2051-01-06",
    ]);
    // The scenario's own day stays the discovery: the earliest possible.
    expect(r.aware).toBe("2024-05-26");
  });

  it("starts each organisation's clock on its own day: a recorded day, else --aware, else the discovery of each incident its chains reach", async () => {
    const g: BreachGraph = {
      organisations: [
        "v:print_mail_vendor",
        "w:it_vendor",
        "a:company",
        "b:company",
        "c:company",
        "d:company",
      ],
      contracts: [
        "k1: a -> v 10/10 name",
        "k2: b -> v 10/10 name",
        "k3: c -> w 10/10 name",
        "k4: d -> v 10/10 name",
        "k5: d -> w 10/10 name",
      ],
      incidents: ["i1 v ransomware 2024-05-26", "i2 w ransomware 2024-06-03"],
      learned: ["i1 a 2024-06-10", "i1 b 2024-05-20", "i2 d 2024-06-20"],
    };
    const r = await notify(g, ["v", "w"]);
    expect(r.aware).toBe("2024-05-26");
    expect(clocks(r)).toEqual([
      // Told later than the discovery: its own day is the one recorded.
      ["a", "2024-06-10", "recorded", "2024-08-08"],
      // A recorded day wins even when it is earlier than the discovery.
      ["b", "2024-05-20", "recorded", "2024-07-18"],
      // Only w's incident reaches c: its discovery, not the scenario's earliest day.
      ["c", "2024-06-03", "scenario", "2024-08-01"],
      // d's chains reach v (no record: the discovery, 26 May) and w (recorded 20 June): the earlier.
      ["d", "2024-05-26", "scenario", "2024-07-24"],
    ]);
    // --aware takes the place of each discovery, never of a recorded day.
    const given = await notify(g, ["v", "w"], { aware: "2024-07-01" });
    expect(clocks(given)).toEqual([
      ["a", "2024-06-10", "recorded", "2024-08-08"],
      ["b", "2024-05-20", "recorded", "2024-07-18"],
      ["c", "2024-07-01", "scenario", "2024-08-29"],
      ["d", "2024-06-20", "recorded", "2024-08-19"],
    ]);
    // The compromised organisations' own days: their incidents' discoveries.
    expect(r.compromised.map((c) => [c.id, c.aware, c.awareFrom])).toEqual([
      ["v", "2024-05-26", "scenario"],
      ["w", "2024-06-03", "scenario"],
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

  it("assesses the data entrusted to an intermediary apart: required with triggers, assessed when persons are unknown, no reportable situation without", async () => {
    const r = await notify(
      {
        organisations: [
          "v:print_mail_vendor",
          "m:shared_service",
          "n:shared_service",
          "o:shared_service",
          "a:shinkin_bank",
          "b:shinkin_bank",
          "c:company",
          "d:company",
        ],
        contracts: [
          "k1: a -> m 10/10 name;health_check",
          "k2: b -> m 20/20 name",
          "k3: m -> v 0/0 name",
          "k4: c -> n 10/10 name",
          "k5: n -> v 0/0",
          "k6: d -> o 10/? name",
          "k7: o -> v 0/0",
        ],
        incidents: ["i1 v misdelivery 2024-05-26"],
      },
      ["v"],
    );
    const m = r.organisations.find((o) => o.id === "m");
    expect(m).toEqual({
      id: "m",
      name: "M",
      kind: "shared_service",
      role: "intermediary",
      aware: "2024-05-26",
      awareFrom: "scenario",
      authority: "PPC",
      holdsData: false,
      persons: 0,
      personsUnknown: 0,
      triggers: [],
      report: "not_required",
      preliminaryBy: null,
      finalBy: null,
      entrusted: {
        holdsData: true,
        persons: 30,
        personsUnknown: 0,
        triggers: ["sensitive"],
        report: "required",
        preliminaryBy: "2024-05-30",
        finalBy: "2024-06-24",
      },
      notify: ["a", "b"],
    });
    expect(
      r.organisations.map((o) => [o.id, o.role, o.report, o.entrusted?.report ?? null, o.notify]),
    ).toEqual([
      ["a", "client", "required", null, []],
      ["b", "client", "best_effort", null, []],
      ["c", "client", "not_required", null, []],
      ["d", "client", "assess", null, []],
      ["m", "intermediary", "not_required", "required", ["a", "b"]],
      ["n", "intermediary", "not_required", "not_required", ["c"]],
      ["o", "intermediary", "not_required", "assess", ["d"]],
    ]);
    // The compromised contractor's entrusted data: every counted contract whose chain reaches it.
    expect(r.compromised).toEqual([
      {
        id: "v",
        name: "V",
        aware: "2024-05-26",
        awareFrom: "scenario",
        authority: "PPC",
        entrusted: {
          holdsData: true,
          persons: 40,
          personsUnknown: 1,
          triggers: ["sensitive"],
          report: "required",
          preliminaryBy: "2024-05-30",
          finalBy: "2024-06-24",
        },
        notify: ["m", "n", "o"],
      },
    ]);
  });

  it("follows one chain: a parallel route of the same length makes no other organisation a handler", async () => {
    const r = await notify(
      {
        organisations: ["v:print_mail_vendor", "a:company", "b:shared_service", "x:it_vendor", "y:it_vendor"],
        contracts: [
          "k1: a -> b 10/10 name",
          "k2: b -> x 0/0",
          "k3: b -> y 0/0",
          "k4: x -> v 0/0",
          "k5: y -> v 0/0",
        ],
        incidents: ["i1 v ransomware 2024-05-26"],
      },
      ["v"],
    );
    // a's data goes a → b → x → v (x before y): x handles it, y only b's empty sub-contract.
    expect(
      r.organisations.map((o) => [o.id, o.entrusted?.holdsData ?? null, o.entrusted?.report ?? null]),
    ).toEqual([
      ["a", null, null],
      ["b", true, "required"],
      ["x", true, "required"],
      ["y", false, "not_required"],
    ]);
  });

  it("counts as persons unknown only contracts that hold data; undisclosed records still hold data", async () => {
    const r = await notify(
      {
        organisations: ["v:print_mail_vendor", "q:company", "r:company", "z:company", "n:municipality"],
        contracts: [
          "k1: q -> v 500/? name",
          "k2: r -> v ?/50 name",
          "k3: z -> v 0/? name",
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
      ["n", true, 60, 1, "assess", "2024-05-30", "2024-06-24"],
      ["q", true, 0, 1, "assess", "2024-05-30", "2024-06-24"],
      ["r", true, 50, 0, "not_required", null, null],
      ["z", false, 0, 0, "not_required", null, null],
    ]);
  });

  it("starts the scenario's clock on the first day of a partial discovered date, the earliest incident's", async () => {
    const g = (discovered: string[]) => ({
      organisations: ["v:print_mail_vendor", "a:company"],
      contracts: ["k1: a -> v 10/2000 name"],
      incidents: discovered.map((d, i) => `i${i} v loss ${d}`),
    });
    const month = await notify(g(["2024-05"]), ["v"]);
    // Wednesday 1 May; the 30th day is Thursday 30 May.
    expect([month.aware, month.organisations[0]?.preliminaryBy, month.organisations[0]?.finalBy]).toEqual([
      "2024-05-01",
      "2024-05-05",
      "2024-05-30",
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

  it("gives the same answer from the command line and the API as from the engines", async () => {
    const g: BreachGraph = {
      organisations: ["v:print_mail_vendor", "m:shared_service", "a:bank", "c:municipality"],
      contracts: ["k1: a -> m 10/10 name", "k2: m -> v 0/0", "k3: c -> v 200/150 ordinance_sensitive"],
      incidents: ["i1 v misdelivery 2024-05-26"],
      learned: ["i1 c 2024-06-06"],
    };
    const answer = await notify(g, ["v"]);
    const cli = runCommand("bin/notify.ts", ["--vendor", "v"]);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(answer)));
    const app = buildServer({ driver, databaseUri: "bolt://test" });
    try {
      const api = await app.inject({ url: "/api/notify/export?vendor=v" });
      expect(`${api.body}\n`).toBe(cli.stdout);
    } finally {
      await app.close();
    }
    expect(brief(answer)).toEqual([
      ["a", "", "best_effort", "FSA", null, null],
      // Its own day, 6 June: the 30th day is Friday 5 July; 150 persons are more than a city's 100.
      ["c", "sensitive,persons", "required", "PPC", "2024-06-10", "2024-07-05"],
      ["m", "", "not_required", "PPC", null, null],
    ]);
    // A city's special-care data defined by its ordinance is cited as rules art. 43(v), not (i).
    const dir = mkdtempSync(join(tmpdir(), "keiro-ordinance-"));
    const out = runCommand("bin/notify.ts", ["--vendor", "v", "--out", dir, "--lang", "en"]);
    expect(out.status).toBe(0);
    const city = readFileSync(join(dir, "organisations", "c.md"), "utf8");
    expect(city.split("\n").filter((line) => line.startsWith("- item "))).toEqual([
      "- item 4: More than 100 persons (本人の数)",
      "- item 5: Special-care information a local ordinance defines (条例要配慮個人情報) is included",
    ]);
  });
});
