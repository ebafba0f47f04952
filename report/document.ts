import {
  type BlastRadius,
  breakdown,
  type Changes,
  type Comparison,
  type EarlierAnswer,
  formatCount,
} from "../domain/index.ts";
import { changesSection } from "./changesSection.ts";
import {
  chainText,
  countText,
  displayName,
  kindWord,
  orgName,
  REPORT_WORDS,
  type ReportLang,
  type ReportWords,
  reportedText,
  scenarioInWords,
} from "./words.ts";

/** A report as sections of paragraphs and tables, rendered to Markdown or HTML. */
export interface Table {
  header: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: number[];
}

export interface Section {
  heading: string;
  paragraphs: string[];
  tables: Table[];
  /** Plain links (sources). */
  links?: string[];
}

export interface ReportDocument {
  lang: ReportLang;
  title: string;
  subtitle: string;
  sections: Section[];
}

/** The changes since an earlier answer, with that answer (the names of those who left are in it). */
export interface SinceReport {
  changes: Changes;
  earlier: EarlierAnswer;
}

/** What a report is made of: the answer (stamped with its dataset), and what it is set beside. */
export interface ReportInput {
  result: BlastRadius;
  /** A what-if beside the plain compromise; its whatIf is `result`. */
  comparison?: Comparison;
  since?: SinceReport;
  lang?: ReportLang;
}

function totalsTable(result: BlastRadius, w: ReportWords, lang: ReportLang): Table {
  const t = result.totals;
  return {
    header: ["", w.figure],
    numeric: [1],
    rows: [
      [w.totals.organisations, formatCount(t.organisations)],
      [w.totals.contracts, formatCount(t.contracts)],
      [w.totals.records, countText(t.records, t.undisclosedContracts, lang)],
      [w.totals.subjects, countText(t.subjects, t.undisclosedSubjectContracts, lang)],
      [w.totals.undisclosedContracts, formatCount(t.undisclosedContracts)],
    ],
  };
}

function sources(result: BlastRadius): string[] {
  const all = new Set<string>();
  for (const contract of result.contracts) {
    for (const part of (contract.source ?? "").split(" ; ")) if (part.trim()) all.add(part.trim());
  }
  for (const exposure of [...result.affected.flatMap((a) => a.reported), ...result.unmodelled]) {
    for (const part of (exposure.source ?? "").split(" ; ")) if (part.trim()) all.add(part.trim());
  }
  return [...all].sort();
}

function comparisonSection(comparison: Comparison, w: ReportWords, lang: ReportLang): Section {
  const { change, plain } = comparison;
  const lines = [
    w.againstPlain(
      countText(plain.totals.records, plain.totals.undisclosedContracts, lang),
      plain.totals.organisations,
      -change.records,
      change.noLongerAffected.length,
    ),
  ];
  if (change.undisclosedContracts !== 0) {
    lines.push(w.undisclosedShift(Math.abs(change.undisclosedContracts), change.undisclosedContracts < 0));
  }
  return {
    heading: w.whatChanges,
    paragraphs: lines,
    tables: [
      {
        header: [w.noLongerAffected, w.recordsPlain],
        numeric: [1],
        rows: change.noLongerAffected.map((o) => [
          `${orgName(o, lang)} (${o.id})`,
          countText(o.records, o.undisclosed, lang),
        ]),
      },
    ],
  };
}

export function buildReport(input: ReportInput, madeAt = new Date()): ReportDocument {
  const { result, comparison, since } = input;
  const lang = input.lang ?? "ja";
  const w = REPORT_WORDS[lang];
  const t = result.totals;
  const sections: Section[] = [];
  sections.push({
    heading: w.scenario,
    paragraphs: [
      scenarioInWords(result, lang),
      t.undisclosedContracts > 0 ? w.lowerBounds(t.undisclosedContracts, t.contracts) : w.allDisclosed,
    ],
    tables: [totalsTable(result, w, lang)],
  });
  if (since) sections.push(changesSection(result, since, lang));
  if (comparison) sections.push(comparisonSection(comparison, w, lang));
  for (const by of ["kind", "region"] as const) {
    sections.push({
      heading: by === "kind" ? w.byKind : w.byRegion,
      paragraphs: [],
      tables: [
        {
          header: [by === "kind" ? w.kind : w.region, w.organisations, w.records],
          numeric: [1, 2],
          rows: breakdown(result.affected, by, "").map((g) => [
            g.key === "" ? w.unknown : by === "kind" ? kindWord(g.key, lang) : g.key,
            formatCount(g.organisations),
            countText(g.records, g.undisclosed, lang),
          ]),
        },
      ],
    });
  }
  const deepest = result.affected.filter((a) => a.depth > 1);
  sections.push({
    heading: w.chains,
    paragraphs: deepest.length === 0 ? [w.allDirect] : [],
    tables:
      deepest.length === 0
        ? []
        : [
            {
              header: [w.depth, w.chain, w.contracts],
              numeric: [0],
              rows: deepest.map((a) => [
                String(a.depth),
                chainText(a.path, result, lang),
                a.chain.join(" → "),
              ]),
            },
          ],
  });
  sections.push({
    heading: w.affected,
    paragraphs: result.truncated ? [w.listedOf(result.truncated.shown, result.truncated.total)] : [],
    tables: [
      {
        header: [w.organisation, w.kind, w.region, w.depth, w.records, w.persons, w.dataCategories],
        numeric: [3, 4, 5],
        rows: result.affected.map((a) => [
          displayName(a, lang),
          kindWord(a.kind, lang),
          a.region ?? "",
          String(a.depth),
          countText(a.records, a.undisclosed, lang),
          formatCount(a.subjects),
          a.dataCategories.join(", "),
        ]),
      },
    ],
  });
  const reported = result.affected.filter((a) => a.reported.length > 0);
  sections.push({
    heading: w.reportedBeside,
    paragraphs: [
      result.unmodelled.length > 0
        ? w.unmodelled(
            result.unmodelled.length,
            result.unmodelled
              .map((u) => `${u.organisation} (${reportedText(u, lang)})`)
              .join(lang === "ja" ? "、" : "; "),
          )
        : w.allModelled,
    ],
    tables: [
      {
        header: [w.organisation, w.modelledRecords, w.reported],
        numeric: [1],
        rows: reported.map((a) => [
          displayName(a, lang),
          countText(a.records, a.undisclosed, lang),
          a.reported.map((r) => reportedText(r, lang)).join(lang === "ja" ? "、" : "; "),
        ]),
      },
    ],
  });
  const { name, fingerprint, loadedAt } = result.dataset;
  sections.push({
    heading: w.sources,
    paragraphs: [w.datasetLine(name, fingerprint, loadedAt)],
    tables: [],
    links: sources(result),
  });
  return {
    lang,
    title: w.title(result.compromised.map((c) => orgName(c, lang)).join(lang === "ja" ? "・" : " + ")),
    subtitle: w.subtitle(madeAt.toISOString()),
    sections,
  };
}
