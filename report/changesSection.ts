import type { BlastRadius, Changes, EarlierAffected, EarlierAnswer, ThenNow } from "../domain/index.ts";
import { countIn, fill, fillCount, formatNumber, type Lang, labelIn, WORDS } from "../locale/index.ts";
import type { Section, Table } from "./model.ts";
import { thenNow } from "./sentences.ts";

/** The changes since an earlier answer, with that answer (the names of those who left are in it). */
export interface SinceReport {
  changes: Changes;
  earlier: EarlierAnswer;
}

/**
 * "Changes since …": who entered the blast radius, who left it, whose figures changed (then →
 * now), and the totals then → now. A figure that did not change is shown once.
 */
export function changesSection(result: BlastRadius, since: SinceReport, lang: Lang): Section {
  const w = WORDS[lang].report;
  const { changes, earlier } = since;
  const now = new Map(result.affected.map((a) => [a.id, a]));
  const then = new Map<string, EarlierAffected>(earlier.affected.map((a) => [a.id, a]));
  // A report may list fewer organisations than it counts: a name it lacks is shown as the id.
  const name = (id: string) => labelIn(lang, now.get(id) ?? then.get(id) ?? { id });
  const plain = (pair: ThenNow) => thenNow(formatNumber(pair[0]), formatNumber(pair[1]));
  /** A count then → now, each a lower bound when some of its contracts are undisclosed. */
  const counted = (count: ThenNow, undisclosed: ThenNow) =>
    thenNow(countIn(lang, count[0], undisclosed[0]), countIn(lang, count[1], undisclosed[1]));

  const t = changes.totals;
  const u: ThenNow = [earlier.totals.undisclosedSubjectContracts, result.totals.undisclosedSubjectContracts];
  const totals: Table = {
    header: ["", w.thenNow],
    numeric: [1],
    rows: [
      [w.totalOrganisations, plain(t.organisations)],
      [w.totalContracts, plain(t.contracts)],
      [w.totalRecords, counted(t.records, t.undisclosedContracts)],
      [w.totalSubjects, counted(t.subjects, u)],
      [w.totalUndisclosedContracts, plain(t.undisclosedContracts)],
    ],
  };
  const entered: Table = {
    header: [w.entered, w.depth, w.records],
    numeric: [1, 2],
    rows: changes.entered.map((id) => {
      const org = now.get(id);
      return [name(id), org ? String(org.depth) : "", org ? countIn(lang, org.records, org.undisclosed) : ""];
    }),
  };
  const left: Table = {
    header: [w.left, w.depthThen, w.recordsThen],
    numeric: [1, 2],
    rows: changes.left.map((id) => {
      const org = then.get(id) as EarlierAffected;
      return [name(id), String(org.depth), countIn(lang, org.records, org.undisclosed)];
    }),
  };
  const changed: Table = {
    header: [w.changed, w.depth, w.records, w.persons, w.undisclosed],
    numeric: [1, 2, 3, 4],
    rows: changes.changed.map((c) => [
      name(c.id),
      plain(c.depth),
      counted(c.records, c.undisclosed),
      plain(c.subjects),
      plain(c.undisclosed),
    ]),
  };
  return {
    heading: fill(w.changesSince, { loadedAt: changes.since.loadedAt ?? w.earlierAnswer }),
    paragraphs: [
      fill(w.changesSummary, {
        fingerprint: changes.since.fingerprint ?? w.unknownValue,
        loadedAt: changes.since.loadedAt ?? w.unknownValue,
        entered: fillCount(changes.entered.length, w.organisationsOne, w.organisationsMany, {
          n: formatNumber(changes.entered.length),
        }),
        left: formatNumber(changes.left.length),
        changed: formatNumber(changes.changed.length),
      }),
    ],
    tables: [totals, entered, left, changed],
  };
}
