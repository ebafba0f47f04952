import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES_FILE, loadRules } from "../../answers/rules.ts";
import {
  addDays,
  type BreachResponse,
  daysBetween,
  parseDay,
  RuleSetError,
  todayInJapan,
} from "../../domain/index.ts";
import { jsonChunks } from "../../report/chunks.ts";

/** The rule file counsel edits: what the product reads from it, and how it refuses one that does not fit. */
function ruleFile(edit: (rules: Record<string, Record<string, unknown>>) => void): string {
  const rules = JSON.parse(readFileSync(DEFAULT_RULES_FILE, "utf8"));
  edit(rules);
  const file = join(mkdtempSync(join(tmpdir(), "keiro-rules-")), "appi.json");
  writeFileSync(file, JSON.stringify(rules, null, 2));
  return file;
}

describe("the rule file (data/rules/appi.json)", () => {
  it("holds DOMAIN.md's rules exactly, each with its sources", () => {
    const rules = loadRules();
    expect(rules.specialCareCategories).toEqual([
      "medical",
      "medical_history",
      "health",
      "health_check",
      "vaccination_history",
      "disability",
      "criminal_record",
      "crime_victim",
      "creed",
      "race",
      "social_status",
      "genome",
    ]);
    expect(rules.financialCategories).toEqual(["credit_card", "banking_credentials"]);
    expect(rules.accidentalIncidentKinds).toEqual(["misdelivery", "loss", "misconfiguration"]);
    expect([rules.personsThresholdByKind, rules.defaultPersonsThreshold]).toEqual([
      { prefecture: 100, municipality: 100 },
      1000,
    ]);
    expect([rules.authorityByKind, rules.defaultAuthority]).toEqual([
      { bank: "FSA", shinkin_bank: "FSA", insurer: "FSA" },
      "PPC",
    ]);
    expect([rules.preliminaryDays, rules.finalDays, rules.finalDaysByTrigger]).toEqual([
      5,
      30,
      { unauthorized: 60 },
    ]);
    expect(rules.ruleSources.persons).toEqual(["rules-7", "appi-68", "rules-43"]);
    for (const source of Object.values(rules.sources)) expect(source.urls.length).toBeGreaterThan(0);
  });

  it("follows an edit: counsel's threshold is the one applied", () => {
    const file = ruleFile((r) => {
      (r.persons as Record<string, unknown>).defaultThreshold = 500;
    });
    expect(loadRules(file).defaultPersonsThreshold).toBe(500);
  });

  it("refuses a rule file that does not fit, naming every field", () => {
    const file = ruleFile((r) => {
      (r.clocks as Record<string, unknown>).preliminaryDays = "five";
      (r.specialCare as Record<string, unknown>).categories = ["medical", "Medical History"];
      (r.authority as Record<string, unknown>).byKind = { bank: "BOJ" };
      (r.clocks as Record<string, unknown>).finalDaysByTrigger = { ransomware: 60 };
      (r.financial as Record<string, unknown>).sources = ["appi-99"];
    });
    let error: unknown;
    try {
      loadRules(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    const name = (error as RuleSetError).file;
    expect((error as RuleSetError).message.split("\n")).toEqual([
      `${name}: financial.sources: "appi-99" is not a key of "sources"`,
      `${name}: authority.byKind.bank: must be one of the authorities named in authority.names (PPC, FSA), not "BOJ"`,
      `${name}: clocks.finalDaysByTrigger.ransomware: not a trigger (sensitive, financial, unauthorized, persons)`,
      `${name}: specialCare.categories[1]: must be a lowercase token such as "credit_card", not "Medical History"`,
      `${name}: clocks.preliminaryDays: must be a whole number ≥ 0, not "five"`,
    ]);
  });
});

describe("calendar days", () => {
  it("adds days across months and leap years, and counts days between", () => {
    expect(addDays("2024-02-27", 5)).toBe("2024-03-03");
    expect(addDays("2023-02-27", 5)).toBe("2023-03-04");
    expect(addDays("2024-12-20", 60)).toBe("2025-02-18");
    expect(daysBetween("2024-05-28", "2024-05-31")).toBe(3);
    expect(daysBetween("2024-06-02", "2024-05-31")).toBe(-2);
  });

  it("takes today in Japan time (UTC+9): 15:30 UTC is already the next day in Tokyo", () => {
    expect(todayInJapan(new Date("2024-05-26T14:59:59Z"))).toBe("2024-05-26");
    expect(todayInJapan(new Date("2024-05-26T15:30:00Z"))).toBe("2024-05-27");
    expect(() => parseDay("aware", "2024-02-30")).toThrow('aware: "2024-02-30" is not a day (YYYY-MM-DD)');
  });
});

describe("the streamed JSON", () => {
  it("is exactly JSON.stringify of the answer, with and without organisations", () => {
    const answer = {
      scenario: {
        compromised: ["v"],
        excludedContracts: [],
        excludedOrganisations: [],
        maxDepth: null,
        asOf: null,
        enforceRetention: false,
      },
      dataset: { name: "d", fingerprint: "f", loadedAt: "t" },
      aware: "2024-05-26",
      cause: "unauthorized",
      organisations: [
        {
          id: "a",
          name: "A",
          kind: null,
          role: "client",
          holdsData: true,
          persons: 1,
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
          kind: "company",
          role: "intermediary",
          holdsData: false,
          persons: 0,
          personsUnknown: 0,
          triggers: [],
          report: "not_required",
          authority: "PPC",
          preliminaryBy: null,
          finalBy: null,
          notify: ["a"],
        },
      ],
      compromised: [{ id: "v", name: "V", notify: ["m"] }],
    } as BreachResponse;
    expect([...jsonChunks(answer)].join("")).toBe(JSON.stringify(answer, null, 2));
    const empty = { ...answer, organisations: [], compromised: [{ id: "v", name: "V", notify: [] }] };
    expect([...jsonChunks(empty)].join("")).toBe(JSON.stringify(empty, null, 2));
  });
});
