import type { BlastRadius, ReportedExposure } from "../domain/index.ts";
import {
  fill,
  fillCount,
  formatNumber,
  type Lang,
  labelIn,
  nameIn,
  WORDS,
  wordFor,
} from "../locale/index.ts";

/** The sentences an impact report (and its CSV) composes from the vocabulary's words. */

/** What an organisation reported, in a few words: "2,702 件（確定、2024-07-11）". */
export function reportedText(
  exposure: Pick<ReportedExposure, "records" | "subjects" | "status" | "reportedOn">,
  lang: Lang,
): string {
  const w = WORDS[lang].report;
  const figures = [
    exposure.records === null ? null : fill(w.reportedRecords, { n: formatNumber(exposure.records) }),
    exposure.subjects === null ? null : fill(w.reportedPersons, { n: formatNumber(exposure.subjects) }),
  ].filter((f): f is string => f !== null);
  return fill(w.reportedText, {
    what: figures.length > 0 ? figures.join(w.reportedFiguresSeparator) : w.countUndisclosed,
    status: wordFor(WORDS[lang].statuses, exposure.status, w.statusUnknown),
    when: exposure.reportedOn ? fill(w.reportedWhen, { day: exposure.reportedOn }) : "",
  });
}

/** The scenario in one sentence. */
export function scenarioInWords(result: BlastRadius, lang: Lang): string {
  const w = WORDS[lang].report;
  const s = result.scenario;
  const conditions: string[] = [];
  const ids = (list: string[]) => list.join(", ");
  if (s.excludedContracts.length > 0)
    conditions.push(
      fillCount(s.excludedContracts.length, w.scenarioExcludedContract, w.scenarioExcludedContracts, {
        ids: ids(s.excludedContracts),
      }),
    );
  if (s.excludedOrganisations.length > 0)
    conditions.push(fill(w.scenarioExcludedOrganisations, { ids: ids(s.excludedOrganisations) }));
  if (s.asOf !== null) conditions.push(fill(w.scenarioAsOf, { asOf: s.asOf }));
  if (s.enforceRetention) conditions.push(w.scenarioRetention);
  if (s.confirmedOnly) conditions.push(w.scenarioConfirmedOnly);
  if (s.maxDepth !== null)
    conditions.push(fillCount(s.maxDepth, w.scenarioMaxDepthOne, w.scenarioMaxDepth, { n: s.maxDepth }));
  // In Japanese the names stand alone in the sentence; in English each with its Japanese name.
  const name = lang === "ja" ? nameIn : labelIn;
  return fill(w.scenarioSentence, {
    names: result.compromised.map((c) => name(lang, c)).join(w.scenarioNamesSeparator),
    conditions:
      conditions.length > 0
        ? fill(w.scenarioConditions, { list: conditions.join(WORDS[lang].figures.listSeparator) })
        : "",
  });
}

/** The name (in the chosen language) of every organisation an answer names, by id: built once per report. */
export function namesIn(result: BlastRadius, lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const org of [...result.affected, ...result.compromised]) names.set(org.id, nameIn(lang, org));
  return names;
}

/** Ids along a chain, shown with names (namesIn) where the answer has them. */
export function chainText(path: string[], names: ReadonlyMap<string, string>): string {
  return path.map((id) => names.get(id) ?? id).join(" → ");
}

/** "then → now" where a figure changed; the figure once where it did not. */
export function thenNow(then: string, now: string): string {
  return then === now ? now : `${then} → ${now}`;
}
