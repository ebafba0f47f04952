import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breachAnswer, breachPackets } from "../../answers/breach.ts";
import { loadRules } from "../../answers/rules.ts";
import { buildServer } from "../../api/server.ts";
import { type BreachResponse, type PacketReading, plainCompromise } from "../../domain/index.ts";
import { CypherEngine } from "../../engine/cypherEngine.ts";
import { sameLoad } from "../../engine/oneLoad.ts";
import type { PacketFacts } from "../../report/packets/book.ts";
import { load, testDriver } from "../helpers/database.ts";
import { asJson, askWhileReloading, generatedDataset, warmEngine } from "../helpers/reload.ts";

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/**
 * A generated dataset whose vendor org-0 was hit by an incident discovered on `discovered`: the
 * two loads differ in their contracts (seed) and in the day the clocks start, so an answer that
 * took its radius from one load and its incidents from the other matches neither.
 */
function generated(seed: number, discovered: string): Promise<string> {
  return generatedDataset(
    { organisations: 1500, contracts: 6000, seed },
    {
      "incidents.csv": `id,victim,kind,discovered,source\ni-${seed},org-0,ransomware,${discovered},generated ${seed}\n`,
    },
  );
}

const scenario = plainCompromise(["org-0"]);
const rules = loadRules();
const request = { scenario, rules, timeoutMs: 30_000 };
const packetOptions = { rulesFile: "data/rules/appi.json", today: "2024-06-20", lang: "ja" as const };

/** What packets are written from, as one comparable value (the contract details as entries). */
const packetValue = (facts: PacketFacts) => ({
  ...facts,
  contracts: [...facts.contracts.entries()],
});

describe("breach-response answers while a load replaces the graph", () => {
  it("read the radius, the incidents and the contracts' details from one load, stamped so", async () => {
    const [dirA, dirB] = await Promise.all([generated(31, "2024-05-26"), generated(32, "2024-06-10")]);
    await load(driver, dirA);
    const { engine, builds } = await warmEngine(driver);
    const cypherEngine = new CypherEngine(driver);
    const app = buildServer({ driver, databaseUri: "bolt://test", engine });
    const answersNow = async () => ({
      memory: await breachAnswer(engine, request),
      cypher: await breachAnswer(cypherEngine, request),
      packets: packetValue((await breachPackets(engine, request, packetOptions)).facts),
      cypherPackets: packetValue((await breachPackets(cypherEngine, request, packetOptions)).facts),
    });
    const before = await answersNow();
    expect(before.memory.aware).toBe("2024-05-26");
    expect(before.packets).toEqual(before.cypherPackets);

    const answers: BreachResponse[] = [];
    const packets: ReturnType<typeof packetValue>[] = [];
    const pages: {
      status: number;
      body: Pick<BreachResponse, "dataset" | "aware" | "organisations" | "compromised">;
    }[] = [];
    const { loaded, errors } = await askWhileReloading({
      dir: dirB,
      builds,
      ask: () => [
        breachAnswer(engine, request),
        breachAnswer(cypherEngine, request),
        breachPackets(engine, request, packetOptions),
        app.inject({ url: "/api/notify?vendor=org-0&sort=id&limit=5000" }),
      ],
      keep: ([memory, cypher, book, http]) => {
        if (memory.status === "fulfilled") answers.push(memory.value);
        if (cypher.status === "fulfilled") answers.push(cypher.value);
        if (book.status === "fulfilled") packets.push(packetValue(book.value.facts));
        if (http.status === "fulfilled")
          pages.push({ status: http.value.statusCode, body: http.value.json() });
      },
    });
    await app.close();
    expect(loaded?.status).toBe(0);
    const after = await answersNow();
    expect(after.memory.aware).toBe("2024-06-10");
    expect(after.packets).toEqual(after.cypherPackets);
    expect(errors).toEqual([]);
    expect(sameLoad(before.memory.dataset, after.memory.dataset)).toBe(false);

    // Every answer is exactly A's or B's: its stamp, its aware day and its obligations together.
    const loads = { A: 0, B: 0 };
    for (const answer of answers) {
      const load = sameLoad(answer.dataset, before.memory.dataset) ? "A" : "B";
      expect(answer).toEqual(load === "A" ? before.memory : after.memory);
      loads[load] += 1;
    }
    for (const facts of packets) {
      const fromA = sameLoad(facts.radius.dataset, before.memory.dataset);
      expect(facts).toEqual(fromA ? before.packets : after.packets);
    }
    // Over HTTP, a page of A's answer or of B's (all of it, by id), stamped with its load.
    for (const { status, body } of pages) {
      expect(status).toBe(200);
      const whole = [before.memory, after.memory].find((r) => sameLoad(r.dataset, body.dataset));
      expect(whole).toBeDefined();
      expect([body.aware, body.organisations, body.compromised]).toEqual(
        asJson([whole?.aware, whole?.organisations, whole?.compromised]),
      );
    }
    // Both loads were answered during the reload, and the earlier copy answered after B was live.
    expect(loads.A).toBeGreaterThan(0);
    expect(loads.B).toBeGreaterThan(0);
    expect(engine.answered.fromEarlierLoad).toBeGreaterThan(0);
    // The two loads differ where a mix would show: the radius and the day the clocks start.
    expect(before.memory.organisations).not.toEqual(after.memory.organisations);
    const sizes = (p: { radius: PacketReading["radius"] }) => p.radius.totals.organisations;
    expect([sizes(before.packets), sizes(after.packets)].every((n) => n > 0)).toBe(true);
  }, 300_000);
});
