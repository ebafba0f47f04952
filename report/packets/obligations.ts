import {
  type Assessment,
  beyondHolidayCalendar,
  finalDayOf,
  isPublicBody,
  type OrganisationObligation,
  personsThresholdOf,
  sensitiveBasis,
  TRIGGERS,
} from "../../domain/index.ts";
import { countWithUnitIn, fill, formatNumber } from "../../locale/index.ts";
import type { Cell, Section, Table } from "../model.ts";
import type { PacketLookups } from "./lookups.ts";

/** Which item of which article each trigger is: rules art. 7 for businesses, art. 43 for public bodies. */
const TRIGGER_ITEM = Object.fromEntries(TRIGGERS.map((t, i) => [t, i + 1])) as Record<
  (typeof TRIGGERS)[number],
  number
>;

/** Rules art. 43(v): special-care information a local ordinance defines (public bodies only). */
const ORDINANCE_ITEM = 5;

/** The articles a packet cites for an organisation of a kind: public bodies' or businesses'. */
function articlesOf(l: PacketLookups, kind: string | null) {
  const publicBody = isPublicBody(l.options.rules, kind);
  return {
    publicBody,
    ...(publicBody ? { rules: 43, clocks: 44, act: 68 } : { rules: 7, clocks: 8, act: 26 }),
  };
}

type CitedItem = { item: number; text: string };

/**
 * The items a trigger is cited as. A public body's special-care trigger may come from the Act's
 * categories (rules art. 43(i)), from an ordinance's (条例要配慮個人情報, art. 43(v)), or both.
 */
function triggerItems(
  l: PacketLookups,
  trigger: (typeof TRIGGERS)[number],
  publicBody: boolean,
  categories: string[],
  threshold: string,
): CitedItem[] {
  const w = l.words;
  if (trigger !== "sensitive" || !publicBody)
    return [{ item: TRIGGER_ITEM[trigger], text: fill(w.triggerSentences[trigger], { threshold }) }];
  return sensitiveBasis(l.options.rules, publicBody, categories).map((basis) =>
    basis === "act"
      ? { item: TRIGGER_ITEM.sensitive, text: w.triggerSentences.sensitive }
      : { item: ORDINANCE_ITEM, text: w.ordinanceSensitiveSentence },
  );
}

/**
 * Why a set is (or is not) to be reported: its triggers, or what is unknown, or what the rules say
 * (best effort: a report to `authority`, the organisation's, as the packet writes it).
 */
function reasons(
  l: PacketLookups,
  kind: string | null,
  a: Assessment,
  categories: string[],
  authority: string,
) {
  const { rules } = l.options;
  const w = l.words.packet;
  const article = articlesOf(l, kind);
  const threshold = formatNumber(personsThresholdOf(rules, kind));
  const paragraphs: string[] = [];
  let list: string[] | undefined;
  if (!a.holdsData) paragraphs.push(w.noDataLine);
  else if (a.triggers.length > 0) {
    paragraphs.push(fill(w.triggersIntro, { article: article.rules }));
    list = a.triggers
      .flatMap((t) => triggerItems(l, t, article.publicBody, categories, threshold))
      .sort((x, y) => x.item - y.item)
      .map((x) => fill(w.triggerItem, x));
  } else if (a.report === "assess") {
    if (a.personsUnknown > 0) paragraphs.push(fill(w.assessLine, { n: a.personsUnknown, threshold }));
    const unclear = categories.filter((c) => rules.unclearCategories.includes(c));
    if (unclear.length > 0) paragraphs.push(fill(w.unclearLine, { categories: l.categories(unclear) }));
  } else if (a.report === "best_effort") paragraphs.push(fill(w.bestEffortLine, { authority }));
  else paragraphs.push(fill(w.notRequiredLine, { persons: formatNumber(a.persons), threshold }));
  return { paragraphs, list };
}

/** The duties with their dates and days left: 速報 (a guide), 確報, and the notice to the persons. */
function dutiesTable(l: PacketLookups, kind: string | null, a: Assessment, entrusted: boolean): Table[] {
  if (a.preliminaryBy === null) return [];
  const w = l.words.packet;
  const article = articlesOf(l, kind);
  const days = finalDayOf(l.options.rules, a.triggers);
  const rows: (string | Cell)[][] = [
    [fill(w.preliminary, { article: article.clocks }), a.preliminaryBy, l.days(a.preliminaryBy, true)],
    [fill(w.final, { article: article.clocks, days }), a.finalBy ?? "—", l.days(a.finalBy)],
  ];
  // Telling the consignors excuses a contractor from notifying the persons (art. 26(2)).
  if (!entrusted) rows.push([fill(w.personsNotice, { article: article.act }), w.promptly, "—"]);
  return [{ header: w.dutyHeader.split("|"), rows }];
}

/** Says so when a date of the packet is later than the holiday calendar knows. */
export function holidaysNote(l: PacketLookups, dates: (string | null | undefined)[]): string[] {
  const through = l.facts.response.holidaysKnownThrough;
  return beyondHolidayCalendar(through, dates) ? [fill(l.words.packet.holidaysNote, { through })] : [];
}

/**
 * An affected organisation's obligations for its own data, as its packet states them: the decision
 * and its basis (APPI art. 26 for businesses, art. 68 for public bodies), the day it became aware,
 * why (the triggers), and the duties with their dates and days left.
 */
export function obligationsSection(
  l: PacketLookups,
  ob: OrganisationObligation,
  categories: string[],
): Section {
  const w = l.words.packet;
  const authority = l.authority(ob.authority);
  const { publicBody } = articlesOf(l, ob.kind);
  const why = reasons(l, ob.kind, ob, categories, authority);
  return {
    heading: w.obligations,
    paragraphs: [
      fill(w.decision, { decision: l.words.decisionSentences[ob.report], authority }),
      publicBody ? w.basisPublic : w.basisBusiness,
      fill(w.awareLine, { aware: ob.aware, from: l.words.awareFrom[ob.awareFrom] }),
      ...why.paragraphs,
      ...holidaysNote(l, [ob.finalBy, ob.entrusted?.finalBy]),
    ],
    list: why.list,
    tables: dutiesTable(l, ob.kind, ob, false),
  };
}

/**
 * A contractor's obligations for the data entrusted to it: assessed apart, and excused when it
 * tells its consignors promptly (never "no report" for data it handles). `authority`: the
 * contractor's, as the packet writes it.
 */
export function entrustedSection(
  l: PacketLookups,
  kind: string | null,
  entrusted: Assessment,
  categories: string[],
  authority: string,
): Section {
  const w = l.words.packet;
  const why = reasons(l, kind, entrusted, categories, authority);
  return {
    heading: w.entrusted,
    paragraphs: [
      fill(w.entrustedLine, {
        // Persons some of whose counts are unknown: a lower bound, or undisclosed; never a bare 0.
        persons: countWithUnitIn(
          l.lang,
          entrusted.persons,
          entrusted.personsUnknown,
          entrusted.personsUnknown,
          "personsUnit",
        ),
        decision: l.words.entrustedDecisions[entrusted.report],
      }),
      ...why.paragraphs,
    ],
    list: why.list,
    tables: dutiesTable(l, kind, entrusted, true),
  };
}
