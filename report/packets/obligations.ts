import { daysBetween, type OrganisationObligation, TRIGGERS } from "../../domain/index.ts";
import { fill, formatNumber } from "../../locale/index.ts";
import type { Section } from "../model.ts";
import type { PacketLookups } from "./lookups.ts";

/** Which item of which article each trigger is: rules art. 7 for businesses, art. 43 for public bodies. */
const TRIGGER_ITEM = Object.fromEntries(TRIGGERS.map((t, i) => [t, i + 1])) as Record<
  (typeof TRIGGERS)[number],
  number
>;

/**
 * An affected organisation's obligations, as its packet states them: the decision and its basis
 * (APPI art. 26 for businesses, art. 68 for public bodies), why (the triggers), and the duties
 * with their deadlines and days left.
 */
export function obligationsSection(book: PacketLookups, ob: OrganisationObligation): Section {
  const { rules } = book.options;
  const w = book.words.packet;
  const publicBody = ob.kind !== null && rules.publicBodyKinds.includes(ob.kind);
  const threshold = formatNumber(
    (ob.kind !== null ? rules.personsThresholdByKind[ob.kind] : undefined) ?? rules.defaultPersonsThreshold,
  );
  const article = publicBody ? { rules: 43, clocks: 44, act: 68 } : { rules: 7, clocks: 8, act: 26 };
  const paragraphs = [
    fill(w.decision, {
      decision: book.words.decisionSentences[ob.report],
      authority: book.authority(ob.authority),
    }),
    publicBody ? w.basisPublic : w.basisBusiness,
  ];
  let list: string[] | undefined;
  if (!ob.holdsData) paragraphs.push(w.noDataLine);
  else if (ob.triggers.length > 0) {
    paragraphs.push(fill(w.triggersIntro, { article: article.rules }));
    list = ob.triggers.map((t) =>
      fill(w.triggerItem, {
        item: TRIGGER_ITEM[t],
        text: fill(book.words.triggerSentences[t], { threshold }),
      }),
    );
  } else if (ob.report === "assess") paragraphs.push(fill(w.assessLine, { n: ob.personsUnknown, threshold }));
  else paragraphs.push(fill(w.notRequiredLine, { persons: formatNumber(ob.persons), threshold }));
  const finalDays = ob.finalBy === null ? 0 : daysBetween(book.facts.response.aware, ob.finalBy);
  const duties =
    ob.preliminaryBy === null
      ? []
      : [
          {
            header: w.dutyHeader.split("|"),
            rows: [
              [
                fill(w.preliminary, { article: article.clocks }),
                ob.preliminaryBy,
                book.days(ob.preliminaryBy),
              ],
              [
                fill(w.final, { article: article.clocks, days: finalDays }),
                ob.finalBy ?? "—",
                book.days(ob.finalBy),
              ],
              [fill(w.personsNotice, { article: article.act }), w.promptly, "—"],
            ],
          },
        ];
  return { heading: w.obligations, paragraphs, list, tables: duties };
}
