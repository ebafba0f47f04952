import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NATIONAL_HOLIDAYS } from "../../answers/holidays.ts";
import { DEFAULT_RULES_FILE, loadRules } from "../../answers/rules.ts";
import {
  addDays,
  type BreachResponse,
  type ClosedDays,
  checkNotifyFormat,
  daysBetween,
  isClosed,
  nthDayOpen,
  parseDay,
  RuleSetError,
  todayInJapan,
} from "../../domain/index.ts";
import { daysLeftIn } from "../../locale/index.ts";
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
      "health_check",
      "disability",
      "criminal_record",
      "crime_victim",
      "criminal_proceedings",
      "juvenile_proceedings",
      "creed",
      "race",
      "social_status",
      "genome",
    ]);
    expect(rules.publicBodySpecialCareCategories).toEqual(["ordinance_sensitive"]);
    expect(rules.unclearCategories).toEqual(["health", "vaccination_history"]);
    expect(rules.bestEffortKinds).toEqual(["bank", "shinkin_bank", "insurer"]);
    expect([rules.closedWeekdays, rules.closedDatesEveryYear, rules.closedOnNationalHolidays]).toEqual([
      ["saturday", "sunday"],
      ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"],
      true,
    ]);
    expect(rules.ruleSources.authority).toEqual(["appi-26", "appi-150", "ppc-faq-financial-q4-7"]);
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
    expect([rules.preliminaryGuideDay, rules.finalDay, rules.finalDayByTrigger]).toEqual([
      5,
      30,
      { unauthorized: 60 },
    ]);
    expect(rules.ruleSources.persons).toEqual(["rules-7", "appi-68", "rules-43"]);
    for (const source of Object.values(rules.sources)) expect(source.urls.length).toBeGreaterThan(0);
    // What could not be read against the law's text says so, never passes for verified.
    const unverified = Object.entries(rules.sources)
      .filter(([, s]) => s.verified.startsWith("NOT verified"))
      .map(([key]) => key);
    expect(unverified).toEqual(["rules-10", "rules-44", "rules-45", "holidays-act-2"]);
  });

  it("refuses a rule file written for the clocks' old meaning, instead of loading a day off", () => {
    const file = ruleFile((r) => {
      const clocks = r.clocks as Record<string, unknown>;
      clocks.finalDays = 30;
      clocks.preliminaryDays = 5;
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
      `${name}: clocks.preliminaryDays: no longer read (it counted days added to the aware day); write clocks.preliminaryGuideDay, the Nth day counting the aware day as day 1`,
      `${name}: clocks.finalDays: no longer read (it counted days added to the aware day); write clocks.finalDay, the Nth day counting the aware day as day 1`,
    ]);
  });

  it("follows an edit: counsel's threshold is the one applied", () => {
    const file = ruleFile((r) => {
      (r.persons as Record<string, unknown>).defaultThreshold = 500;
    });
    expect(loadRules(file).defaultPersonsThreshold).toBe(500);
  });

  it("refuses a rule file that does not fit, naming every field", () => {
    const file = ruleFile((r) => {
      (r.clocks as Record<string, unknown>).preliminaryGuideDay = "five";
      (r.specialCare as Record<string, unknown>).categories = ["medical", "Medical History"];
      (r.authority as Record<string, unknown>).byKind = { bank: "BOJ" };
      (r.clocks as Record<string, unknown>).finalDayByTrigger = { ransomware: 60 };
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
      `${name}: clocks.finalDayByTrigger.ransomware: not a trigger (sensitive, financial, unauthorized, persons)`,
      `${name}: specialCare.categories[1]: must be a lowercase token such as "credit_card", not "Medical History"`,
      `${name}: clocks.preliminaryGuideDay: must be a whole number ≥ 1, not "five"`,
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

  it("counts the Nth day from day 1 and moves it past closed days, with the calendar the answers use", () => {
    const closed: ClosedDays = {
      weekdays: ["saturday", "sunday"],
      datesEveryYear: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"],
      holidays: NATIONAL_HOLIDAYS.days,
    };
    expect(NATIONAL_HOLIDAYS.knownThrough).toBe("2050-12-31");
    expect(
      ["2024-05-26", "2024-11-04", "2026-09-22", "2025-02-11", "2025-01-02"].map((d) => isClosed(closed, d)),
    ).toEqual([
      true, // a Sunday
      true, // 振替休日
      true, // 国民の休日
      true, // 建国記念の日
      true, // the year end
    ]);
    expect(isClosed(closed, "2024-05-27")).toBe(false);
    expect(nthDayOpen(closed, "2024-05-26", 1)).toBe("2024-05-27");
    expect(nthDayOpen(closed, "2024-05-26", 30)).toBe("2024-06-24");
    expect(nthDayOpen(closed, "2024-05-26", 60)).toBe("2024-07-24");
    expect(nthDayOpen(closed, "2024-12-01", 30)).toBe("2025-01-06");
  });

  it("takes today in Japan time (UTC+9): 15:30 UTC is already the next day in Tokyo", () => {
    expect(todayInJapan(new Date("2024-05-26T14:59:59Z"))).toBe("2024-05-26");
    expect(todayInJapan(new Date("2024-05-26T15:30:00Z"))).toBe("2024-05-27");
    expect(() => parseDay("aware", "2024-02-30")).toThrow('aware: "2024-02-30" is not a day (YYYY-MM-DD)');
  });
});

describe("days left, and the answer's format", () => {
  it("says a deadline is overdue once passed, and a passed 速報 guide how long ago", () => {
    expect(daysLeftIn("en", 3)).toBe("3 days left");
    expect(daysLeftIn("en", 0, true)).toBe("due today");
    expect(daysLeftIn("en", -3)).toBe("3 days overdue");
    expect(daysLeftIn("en", -3, true)).toBe("guide passed 3 days ago");
    expect(daysLeftIn("ja", -3)).toBe("3日超過");
    expect(daysLeftIn("ja", -3, true)).toBe("目安から3日経過");
    expect(daysLeftIn("ja", null, true)).toBe("—");
  });

  it("refuses a breach-response answer of the old format (one clock for all), which the view would misread", () => {
    expect(() => checkNotifyFormat({})).toThrow(
      "This breach-response answer is in format 1; this Keiro reads format 2 only: ask for it again.",
    );
    expect(checkNotifyFormat({ format: 2, organisations: [] })).toEqual({ format: 2, organisations: [] });
  });
});

describe("the streamed JSON", () => {
  it("is exactly JSON.stringify of the answer, with and without organisations", () => {
    const answer = {
      format: 2,
      scenario: {
        compromised: ["v"],
        excludedContracts: [],
        excludedOrganisations: [],
        maxDepth: null,
        asOf: null,
        enforceRetention: false,
        confirmedOnly: false,
      },
      dataset: { name: "d", fingerprint: "f", loadedAt: "t" },
      aware: "2024-05-26",
      cause: "unauthorized",
      holidaysKnownThrough: "2050-12-31",
      organisations: [
        {
          id: "a",
          name: "A",
          kind: null,
          role: "client",
          aware: "2024-05-26",
          awareFrom: "scenario",
          authority: "PPC",
          holdsData: true,
          persons: 1,
          personsUnknown: 0,
          triggers: ["unauthorized"],
          report: "required",
          preliminaryBy: "2024-05-30",
          finalBy: "2024-07-24",
          entrusted: null,
          notify: [],
        },
        {
          id: "m",
          name: "M",
          kind: "company",
          role: "intermediary",
          aware: "2024-06-06",
          awareFrom: "recorded",
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
            persons: 1,
            personsUnknown: 0,
            triggers: ["unauthorized"],
            report: "required",
            preliminaryBy: "2024-06-10",
            finalBy: "2024-08-05",
          },
          notify: ["a"],
        },
      ],
      compromised: [
        {
          id: "v",
          name: "V",
          aware: "2024-05-26",
          awareFrom: "scenario",
          authority: "PPC",
          entrusted: null,
          notify: ["m"],
        },
      ],
    } satisfies BreachResponse;
    expect([...jsonChunks(answer)].join("")).toBe(JSON.stringify(answer, null, 2));
    const empty = { ...answer, organisations: [], compromised: [{ ...answer.compromised[0], notify: [] }] };
    expect([...jsonChunks(empty)].join("")).toBe(JSON.stringify(empty, null, 2));
  });
});
