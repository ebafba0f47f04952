import { type BlastRadius, breakdown, type Comparison } from "../domain/index.ts";
import {
  countIn,
  estimateIn,
  fill,
  formatNumber,
  type Lang,
  labelIn,
  nameIn,
  undisclosedChangeIn,
  type Vocabulary,
  WORDS,
  wordFor,
} from "../locale/index.ts";
import { changesSection, type SinceReport } from "./changesSection.ts";
import { citedSources, type ReportDocument, type Section, type Table } from "./model.ts";
import { chainText, namesIn, reportedText, scenarioInWords } from "./sentences.ts";

type ReportWords = Vocabulary["report"];

/** What a report is made of: the answer (stamped with its dataset), and what it is set beside. */
export interface ReportInput {
  result: BlastRadius;
  /** A what-if beside the plain compromise; its whatIf is `result`. */
  comparison?: Comparison;
  since?: SinceReport;
  lang?: Lang;
}

/** The totals beside their confirmed part, and the estimate of the undisclosed under the bounds. */
function totalsTable(result: BlastRadius, w: ReportWords, lang: Lang): Table {
  const t = result.totals;
  const c = result.confirmed;
  const rows = [
    [w.totalOrganisations, formatNumber(t.organisations), formatNumber(c.organisations)],
    [w.totalContracts, formatNumber(t.contracts), formatNumber(c.contracts)],
    [
      w.totalRecords,
      countIn(lang, t.records, t.undisclosedContracts),
      countIn(lang, c.records, c.undisclosedContracts),
    ],
    [
      w.totalSubjects,
      countIn(lang, t.subjects, t.undisclosedSubjectContracts),
      countIn(lang, c.subjects, c.undisclosedSubjectContracts),
    ],
    [w.totalUndisclosedContracts, formatNumber(t.undisclosedContracts), formatNumber(c.undisclosedContracts)],
  ];
  for (const [which, label] of [
    ["records", w.totalRecords],
    ["subjects", w.totalSubjects],
  ] as const) {
    const estimate = estimateIn(lang, t.estimate, which);
    if (estimate) rows.push([`${label} (${estimate.label})`, estimate.range, ""]);
  }
  return { header: ["", w.figure, w.confirmedFigure], numeric: [1, 2], rows };
}

/** What rests on possible contracts, and what the estimate assumes: sentences under the totals. */
function confidenceLines(result: BlastRadius, w: ReportWords, lang: Lang): string[] {
  const t = result.totals;
  const c = result.confirmed;
  const lines = [
    c.contracts === t.contracts
      ? w.allConfirmed
      : fill(w.confirmedPart, {
          organisations: formatNumber(c.organisations),
          contracts: formatNumber(c.contracts),
          records: countIn(lang, c.records, c.undisclosedContracts),
        }),
  ];
  if (estimateIn(lang, t.estimate, "records") || estimateIn(lang, t.estimate, "subjects"))
    lines.push(w.estimateNote);
  return lines;
}

/** Every source an answer cites, once each, sorted. */
function sources(result: BlastRadius): string[] {
  const cited = [...result.contracts, ...result.affected.flatMap((a) => a.reported), ...result.unmodelled];
  return citedSources(cited.map((c) => c.source));
}

function comparisonSection(comparison: Comparison, w: ReportWords, lang: Lang): Section {
  const { change, plain } = comparison;
  const avoided = -change.records;
  const spared = change.noLongerAffected.length;
  const lines = [
    fill(w.againstPlain, {
      records: countIn(lang, plain.totals.records, plain.totals.undisclosedContracts),
      organisations: formatNumber(plain.totals.organisations),
      avoided:
        avoided > 0
          ? fill(w.recordsAvoided, { n: formatNumber(avoided) })
          : avoided < 0
            ? fill(w.recordsAdded, { n: formatNumber(-avoided) })
            : w.recordsSame,
      spared: spared > 0 ? fill(w.organisationsSpared, { n: formatNumber(spared) }) : w.noneSpared,
    }),
  ];
  const undisclosed = undisclosedChangeIn(lang, change.undisclosedContracts);
  if (undisclosed !== null) lines.push(undisclosed);
  return {
    heading: w.whatChanges,
    paragraphs: lines,
    tables: [
      {
        header: [w.noLongerAffected, w.recordsPlain],
        numeric: [1],
        rows: change.noLongerAffected.map((o) => [
          `${nameIn(lang, o)} (${o.id})`,
          countIn(lang, o.records, o.undisclosed),
        ]),
      },
    ],
  };
}

function breakdownSection(result: BlastRadius, by: "kind" | "region", w: ReportWords, lang: Lang): Section {
  return {
    heading: by === "kind" ? w.byKind : w.byRegion,
    paragraphs: [],
    tables: [
      {
        header: [by === "kind" ? w.kind : w.region, w.organisations, w.records],
        numeric: [1, 2],
        rows: breakdown(result.affected, by, "").map((g) => [
          g.key === "" ? w.unknown : by === "kind" ? wordFor(WORDS[lang].kinds, g.key) : g.key,
          formatNumber(g.organisations),
          countIn(lang, g.records, g.undisclosed),
        ]),
      },
    ],
  };
}

function chainsSection(result: BlastRadius, w: ReportWords, lang: Lang): Section {
  const deepest = result.affected.filter((a) => a.depth > 1);
  const names = namesIn(result, lang);
  return {
    heading: w.chains,
    paragraphs: deepest.length === 0 ? [w.allDirect] : [],
    tables:
      deepest.length === 0
        ? []
        : [
            {
              header: [w.depth, w.chain, w.contracts],
              numeric: [0],
              rows: deepest.map((a) => [String(a.depth), chainText(a.path, names), a.chain.join(" → ")]),
            },
          ],
  };
}

function affectedSection(result: BlastRadius, w: ReportWords, lang: Lang): Section {
  return {
    heading: w.affected,
    paragraphs: result.truncated
      ? [
          fill(w.listedOf, {
            shown: formatNumber(result.truncated.shown),
            total: formatNumber(result.truncated.total),
          }),
        ]
      : [],
    tables: [
      {
        header: [w.organisation, w.kind, w.region, w.depth, w.records, w.persons, w.dataCategories],
        numeric: [3, 4, 5],
        rows: result.affected.map((a) => [
          a.confirmed ? labelIn(lang, a) : `${labelIn(lang, a)} (${WORDS[lang].figures.onlyPossible})`,
          wordFor(WORDS[lang].kinds, a.kind),
          a.region ?? "",
          String(a.depth),
          countIn(lang, a.records, a.undisclosed),
          formatNumber(a.subjects),
          a.dataCategories.join(", "),
        ]),
      },
    ],
  };
}

function reportedSection(result: BlastRadius, w: ReportWords, lang: Lang): Section {
  const reported = result.affected.filter((a) => a.reported.length > 0);
  const unmodelled = result.unmodelled
    .map((u) => `${u.organisation} (${reportedText(u, lang)})`)
    .join(w.reportedSeparator);
  return {
    heading: w.reportedBeside,
    paragraphs: [
      result.unmodelled.length > 0
        ? fill(w.unmodelled, { count: result.unmodelled.length, list: unmodelled })
        : w.allModelled,
    ],
    tables: [
      {
        header: [w.organisation, w.modelledRecords, w.reported],
        numeric: [1],
        rows: reported.map((a) => [
          labelIn(lang, a),
          countIn(lang, a.records, a.undisclosed),
          a.reported.map((r) => reportedText(r, lang)).join(w.reportedSeparator),
        ]),
      },
    ],
  };
}

/** An impact report: the scenario and its totals, what changed, breakdowns, chains, the list, sources. */
export function buildReport(input: ReportInput, madeAt = new Date()): ReportDocument {
  const { result, comparison, since } = input;
  const lang = input.lang ?? "ja";
  const w = WORDS[lang].report;
  const t = result.totals;
  const sections: Section[] = [
    {
      heading: w.scenario,
      paragraphs: [
        scenarioInWords(result, lang),
        t.undisclosedContracts > 0
          ? fill(w.lowerBounds, {
              undisclosed: formatNumber(t.undisclosedContracts),
              contracts: formatNumber(t.contracts),
            })
          : w.allDisclosed,
        ...confidenceLines(result, w, lang),
      ],
      tables: [totalsTable(result, w, lang)],
    },
  ];
  if (since) sections.push(changesSection(result, since, lang));
  if (comparison) sections.push(comparisonSection(comparison, w, lang));
  sections.push(
    breakdownSection(result, "kind", w, lang),
    breakdownSection(result, "region", w, lang),
    chainsSection(result, w, lang),
    affectedSection(result, w, lang),
    reportedSection(result, w, lang),
  );
  const { name, fingerprint, loadedAt } = result.dataset;
  sections.push({
    heading: w.sources,
    paragraphs: [
      fill(w.datasetLine, {
        name: name ?? w.unnamed,
        fingerprint: fingerprint ?? w.unknownValue,
        loadedAt: loadedAt ?? w.unknownValue,
      }),
    ],
    tables: [],
    links: sources(result),
  });
  return {
    lang,
    title: fill(w.title, { names: result.compromised.map((c) => nameIn(lang, c)).join(w.titleSeparator) }),
    subtitle: fill(w.subtitle, { madeAt: madeAt.toISOString() }),
    sections,
  };
}
