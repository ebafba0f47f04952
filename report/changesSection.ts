import { type BlastRadius, type EarlierAffected, formatCount } from "../domain/index.ts";
import type { Section, SinceReport, Table } from "./document.ts";
import { countText, displayName, REPORT_WORDS, type ReportLang, thenNow } from "./words.ts";

/**
 * "Changes since …": who entered the blast radius, who left it, whose figures changed (then →
 * now), and the totals then → now. A figure that did not change is shown once.
 */
export function changesSection(result: BlastRadius, since: SinceReport, lang: ReportLang): Section {
  const w = REPORT_WORDS[lang];
  const { changes, earlier } = since;
  const now = new Map(result.affected.map((a) => [a.id, a]));
  const then = new Map<string, EarlierAffected>(earlier.affected.map((a) => [a.id, a]));
  // A report may list fewer organisations than it counts: a name it lacks is shown as the id.
  const name = (id: string) => displayName(now.get(id) ?? then.get(id) ?? { id }, lang);
  const plain = (pair: [number, number]) => thenNow(formatCount(pair[0]), formatCount(pair[1]));

  const t = changes.totals;
  const u = [earlier.totals.undisclosedSubjectContracts, result.totals.undisclosedSubjectContracts];
  const totals: Table = {
    header: ["", w.thenNow],
    numeric: [1],
    rows: [
      [w.totals.organisations, plain(t.organisations)],
      [w.totals.contracts, plain(t.contracts)],
      [
        w.totals.records,
        thenNow(
          countText(t.records[0], t.undisclosedContracts[0], lang),
          countText(t.records[1], t.undisclosedContracts[1], lang),
        ),
      ],
      [
        w.totals.subjects,
        thenNow(
          countText(t.subjects[0], u[0] as number, lang),
          countText(t.subjects[1], u[1] as number, lang),
        ),
      ],
      [w.totals.undisclosedContracts, plain(t.undisclosedContracts)],
    ],
  };
  const entered: Table = {
    header: [w.entered, w.depth, w.records],
    numeric: [1, 2],
    rows: changes.entered.map((id) => {
      const org = now.get(id);
      return [
        name(id),
        org ? String(org.depth) : "",
        org ? countText(org.records, org.undisclosed, lang) : "",
      ];
    }),
  };
  const left: Table = {
    header: [w.left, w.depthThen, w.recordsThen],
    numeric: [1, 2],
    rows: changes.left.map((id) => {
      const org = then.get(id) as EarlierAffected;
      return [name(id), String(org.depth), countText(org.records, org.undisclosed, lang)];
    }),
  };
  const changed: Table = {
    header: [w.changed, w.depth, w.records, w.persons, w.undisclosed],
    numeric: [1, 2, 3, 4],
    rows: changes.changed.map((c) => [
      name(c.id),
      plain(c.depth),
      thenNow(
        countText(c.records[0], c.undisclosed[0], lang),
        countText(c.records[1], c.undisclosed[1], lang),
      ),
      plain(c.subjects),
      plain(c.undisclosed),
    ]),
  };
  return {
    heading: w.changesSince(changes.since.loadedAt),
    paragraphs: [
      w.changesSummary(
        changes.since.fingerprint,
        changes.since.loadedAt,
        changes.entered.length,
        changes.left.length,
        changes.changed.length,
      ),
    ],
    tables: [totals, entered, left, changed],
  };
}
