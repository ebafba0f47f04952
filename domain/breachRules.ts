import { WEEKDAYS, type Weekday } from "./calendar.ts";

/**
 * The rule set of breach response (docs/breach-response.md): which data categories are
 * special-care or financial, which incident kinds are accidents, the persons thresholds, the
 * authorities and the clocks. It is data (data/rules/appi.json) so that counsel can change a rule
 * without touching code; this module checks its shape and says exactly which field does not fit.
 */

/** An authority's name in both languages, as packets print it. */
export interface AuthorityName {
  ja: string;
  en: string;
}

export interface BreachRules {
  name: string;
  specialCareCategories: string[];
  /** Special-care for public bodies only (条例要配慮個人情報, rules art. 43(v)). */
  publicBodySpecialCareCategories: string[];
  /** Categories whose special-care status is unclear: a set holding them is assessed. */
  unclearCategories: string[];
  financialCategories: string[];
  accidentalIncidentKinds: string[];
  /** Kinds whose duty is APPI art. 68 (public bodies), for the legal basis packets cite. */
  publicBodyKinds: string[];
  personsThresholdByKind: Record<string, number>;
  defaultPersonsThreshold: number;
  /** Kinds the financial sector's guidelines ask to report every leak of their own data (努力義務). */
  bestEffortKinds: string[];
  authorityByKind: Record<string, string>;
  defaultAuthority: string;
  authorityNames: Record<string, AuthorityName>;
  /** 速報, a guide: the Nth day counting the aware day as day 1, never moved. */
  preliminaryGuideDay: number;
  /** 確報: the Nth day counting the aware day as day 1, moved past closed days. */
  finalDay: number;
  /** A later final day when one of these triggers holds (the latest applies). */
  finalDayByTrigger: Record<string, number>;
  /** The closed days (行政機関の休日) a final day moves past. */
  closedWeekdays: Weekday[];
  /** `MM-DD`, every year (29 December to 3 January). */
  closedDatesEveryYear: string[];
  /** Whether national holidays close offices (from the maintained calendar). */
  closedOnNationalHolidays: boolean;
  /** Each rule's sources (keys of `sources`), for packets and documentation. */
  ruleSources: Record<string, string[]>;
  sources: Record<string, { title: string; says: string; urls: string[]; verified: string }>;
}

/** The triggers, in the order an answer lists them (DOMAIN.md). */
export const TRIGGERS = ["sensitive", "financial", "unauthorized", "persons"] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Clock keys of the earlier rule files (days added to the aware day), and what replaced them. */
const RENAMED_CLOCKS: Record<string, string> = {
  preliminaryDays: "preliminaryGuideDay",
  finalDays: "finalDay",
  finalDaysByTrigger: "finalDayByTrigger",
};

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A rule file that cannot be used: every problem, each naming the file and the field. */
export class RuleSetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join("\n"));
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? "nothing" : JSON.stringify(v));

/** Reads fields one by one, collecting every problem instead of stopping at the first. */
class Reader {
  readonly problems: string[] = [];

  object(parent: Json, key: string, path: string): Json {
    const v = parent[key];
    if (isObject(v)) return v;
    this.problems.push(`${path}: must be an object, not ${show(v)}`);
    return {};
  }

  text(parent: Json, key: string, path: string): string {
    const v = parent[key];
    if (typeof v === "string" && v.trim() !== "") return v;
    this.problems.push(`${path}: must be a non-empty text, not ${show(v)}`);
    return "";
  }

  whole(value: unknown, path: string, min: number): number {
    if (typeof value === "number" && Number.isInteger(value) && value >= min) return value;
    this.problems.push(`${path}: must be a whole number ≥ ${min}, not ${show(value)}`);
    return min;
  }

  tokens(parent: Json, key: string, path: string): string[] {
    const v = parent[key];
    if (!Array.isArray(v)) {
      this.problems.push(`${path}: must be a list of lowercase tokens, not ${show(v)}`);
      return [];
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item !== "string" || !/^[a-z][a-z0-9_]*$/.test(item))
        this.problems.push(
          `${path}[${i}]: must be a lowercase token such as "credit_card", not ${show(item)}`,
        );
      else if (out.includes(item)) this.problems.push(`${path}[${i}]: "${item}" is listed twice`);
      else out.push(item);
    });
    return out;
  }

  numbersByKind(parent: Json, key: string, path: string, min: number): Record<string, number> {
    const map = this.object(parent, key, path);
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, this.whole(v, `${path}.${k}`, min)]));
  }

  sourceKeys(rule: Json, path: string, known: Json): string[] {
    const keys = this.tokensOrIds(rule.sources, `${path}.sources`);
    if (keys.length === 0) this.problems.push(`${path}.sources: every rule names at least one source`);
    for (const k of keys)
      if (!(k in known)) this.problems.push(`${path}.sources: "${k}" is not a key of "sources"`);
    return keys;
  }

  private tokensOrIds(v: unknown, path: string): string[] {
    if (Array.isArray(v) && v.every((s) => typeof s === "string")) return v as string[];
    this.problems.push(`${path}: must be a list of source keys, not ${show(v)}`);
    return [];
  }
}

/**
 * Checks a parsed rule file and returns the rule set, or throws RuleSetError listing every
 * problem as `FILE: field: problem`.
 */
export function parseRuleSet(value: unknown, file: string): BreachRules {
  const r = new Reader();
  if (!isObject(value)) throw new RuleSetError(file, [`must hold one JSON object, not ${show(value)}`]);
  const sourcesJson = r.object(value, "sources", "sources");
  const sources: BreachRules["sources"] = {};
  for (const [key, s] of Object.entries(sourcesJson)) {
    if (!isObject(s)) {
      r.problems.push(`sources.${key}: must be an object with title, says, urls and verified`);
      continue;
    }
    const urls = s.urls;
    const urlList = Array.isArray(urls) ? urls.filter((u): u is string => typeof u === "string") : [];
    if (!Array.isArray(urls) || urlList.length !== urls.length || urlList.length === 0)
      r.problems.push(`sources.${key}.urls: must be a non-empty list of web addresses`);
    for (const u of urlList)
      if (!/^https?:\/\/\S+$/.test(u)) r.problems.push(`sources.${key}.urls: "${u}" is not a web address`);
    sources[key] = {
      title: r.text(s, "title", `sources.${key}.title`),
      says: r.text(s, "says", `sources.${key}.says`),
      urls: urlList,
      verified: r.text(s, "verified", `sources.${key}.verified`),
    };
  }

  const ruleSources: Record<string, string[]> = {};
  const rule = (key: string) => {
    const json = r.object(value, key, key);
    ruleSources[key] = r.sourceKeys(json, key, sourcesJson);
    return json;
  };
  const specialCare = rule("specialCare");
  const unclear = rule("unclearSpecialCare");
  const financial = rule("financial");
  const accidental = rule("accidentalIncidentKinds");
  const persons = rule("persons");
  const publicBodies = rule("publicBodies");
  const bestEffort = rule("bestEffort");
  const authority = rule("authority");
  const clocks = rule("clocks");
  const closed = rule("closedDays");
  rule("consignorNotice");

  const names = r.object(authority, "names", "authority.names");
  const authorityNames: Record<string, AuthorityName> = {};
  for (const [code, n] of Object.entries(names)) {
    const entry = isObject(n) ? n : {};
    if (!isObject(n)) r.problems.push(`authority.names.${code}: must be an object with ja and en`);
    authorityNames[code] = {
      ja: r.text(entry, "ja", `authority.names.${code}.ja`),
      en: r.text(entry, "en", `authority.names.${code}.en`),
    };
  }
  const authorityCode = (v: unknown, path: string): string => {
    if (typeof v === "string" && v in authorityNames) return v;
    r.problems.push(
      `${path}: must be one of the authorities named in authority.names (${Object.keys(authorityNames).join(", ")}), not ${show(v)}`,
    );
    return "";
  };
  const byKindJson = r.object(authority, "byKind", "authority.byKind");
  const authorityByKind = Object.fromEntries(
    Object.entries(byKindJson).map(([kind, code]) => [kind, authorityCode(code, `authority.byKind.${kind}`)]),
  );

  // The clocks once counted days added to the aware day; now they name the Nth day counting the
  // aware day as day 1. A file written for the old meaning would load a day off: refused instead.
  for (const [old, now] of Object.entries(RENAMED_CLOCKS))
    if (old in clocks)
      r.problems.push(
        `clocks.${old}: no longer read (it counted days added to the aware day); write clocks.${now}, the Nth day counting the aware day as day 1`,
      );
  const finalByTrigger = r.numbersByKind(clocks, "finalDayByTrigger", "clocks.finalDayByTrigger", 1);
  for (const trigger of Object.keys(finalByTrigger))
    if (!(TRIGGERS as readonly string[]).includes(trigger))
      r.problems.push(`clocks.finalDayByTrigger.${trigger}: not a trigger (${TRIGGERS.join(", ")})`);
  const weekdays = r.tokens(closed, "weekdays", "closedDays.weekdays");
  for (const day of weekdays)
    if (!(WEEKDAYS as readonly string[]).includes(day))
      r.problems.push(`closedDays.weekdays: "${day}" is not a day of the week (${WEEKDAYS.join(", ")})`);
  const dates = Array.isArray(closed.datesEveryYear) ? closed.datesEveryYear : [];
  if (!Array.isArray(closed.datesEveryYear) || dates.some((d) => typeof d !== "string" || !MONTH_DAY.test(d)))
    r.problems.push(
      `closedDays.datesEveryYear: must be a list of "MM-DD", not ${show(closed.datesEveryYear)}`,
    );
  if (typeof closed.nationalHolidays !== "boolean")
    r.problems.push(
      `closedDays.nationalHolidays: must be true or false, not ${show(closed.nationalHolidays)}`,
    );

  const rules: BreachRules = {
    name: r.text(value, "name", "name"),
    specialCareCategories: r.tokens(specialCare, "categories", "specialCare.categories"),
    publicBodySpecialCareCategories: r.tokens(
      specialCare,
      "publicBodyCategories",
      "specialCare.publicBodyCategories",
    ),
    unclearCategories: r.tokens(unclear, "categories", "unclearSpecialCare.categories"),
    financialCategories: r.tokens(financial, "categories", "financial.categories"),
    accidentalIncidentKinds: r.tokens(accidental, "kinds", "accidentalIncidentKinds.kinds"),
    publicBodyKinds: r.tokens(publicBodies, "kinds", "publicBodies.kinds"),
    personsThresholdByKind: r.numbersByKind(persons, "thresholdByKind", "persons.thresholdByKind", 0),
    defaultPersonsThreshold: r.whole(persons.defaultThreshold, "persons.defaultThreshold", 0),
    bestEffortKinds: r.tokens(bestEffort, "kinds", "bestEffort.kinds"),
    authorityByKind,
    defaultAuthority: authorityCode(authority.default, "authority.default"),
    authorityNames,
    preliminaryGuideDay: r.whole(clocks.preliminaryGuideDay, "clocks.preliminaryGuideDay", 1),
    finalDay: r.whole(clocks.finalDay, "clocks.finalDay", 1),
    finalDayByTrigger: finalByTrigger,
    closedWeekdays: weekdays as Weekday[],
    closedDatesEveryYear: dates as string[],
    closedOnNationalHolidays: closed.nationalHolidays === true,
    ruleSources,
    sources,
  };
  if (r.problems.length > 0) throw new RuleSetError(file, r.problems);
  return rules;
}
