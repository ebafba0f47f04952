/**
 * The quality report (docs/data-quality.md) as a document of the one model (report/model.ts),
 * which html.ts and markdown.ts render with their own escapers: a summary, bars, the completeness
 * per kind, then every item with its rows.
 */
import {
  COMPLETENESS_COLUMNS,
  COMPLETENESS_FIELDS,
  type KindCompleteness,
  type OrganisationName,
  percentText,
  QUALITY_LISTS,
  type QualityContractRow,
  type QualityList,
  type QualityListName,
  type QualityReport,
} from "../../domain/index.ts";
import {
  fill,
  fillCount,
  formatNumber,
  type Lang,
  labelIn,
  nameIn,
  type Vocabulary,
  WORDS,
  wordFor,
} from "../../locale/index.ts";
import type { Cell, ReportDocument, Section, Table } from "../model.ts";

type QualityWords = Vocabulary["quality"];

/**
 * A share as a bar of ten cells ("█████░░░░░"), in a column of its own beside the figure: in a
 * list of shares the eye finds the short bars first. Text, so that Markdown and HTML show it alike
 * through their escapers; whole cells only (partial blocks differ in width between fonts). A share
 * above nothing never looks like nothing, one below all never looks full.
 */
export function shareBar(count: number, of: number): string {
  const cells = of === 0 ? 0 : Math.round((count / of) * 10);
  const shown = count > 0 && cells === 0 ? 1 : count < of && cells === 10 ? 9 : cells;
  return "█".repeat(shown) + "░".repeat(10 - shown);
}

/** The word for a consignor's kind: the locale's for a known one, as written for another, "(no kind)" for none. */
const kindIn = (lang: Lang, kind: string | null) =>
  wordFor(WORDS[lang].kinds, kind, WORDS[lang].quality.noKind);

/** An organisation in a row: its name in the language, and the id to find it by in the files. */
const orgCell = (lang: Lang, o: OrganisationName) => `${nameIn(lang, o)} (${o.id})`;

function summarySection(report: QualityReport, w: QualityWords): Section {
  return {
    heading: w.summary,
    paragraphs: [],
    tables: [
      {
        header: [w.item, w.count, w.outOf, w.share],
        numeric: [1, 2, 3],
        rows: QUALITY_LISTS.map((name) => {
          const { total, of } = report[name];
          return [
            fill(w.lists[name], { today: report.today }),
            formatNumber(total),
            formatNumber(of),
            percentText(total, of),
          ];
        }),
      },
    ],
  };
}

function completenessSection(report: QualityReport, lang: Lang, w: QualityWords): Section {
  const cell = (n: number, of: number) =>
    fill(w.shareCell, { percent: percentText(n, of), n: formatNumber(n) });
  const row = (r: KindCompleteness, label: string) => [
    label,
    formatNumber(r.contracts),
    ...COMPLETENESS_FIELDS.map((f) => cell(r.filled[f], r.contracts)),
    cell(r.possible, r.contracts),
  ];
  const { byKind, all } = report.completeness;
  return {
    heading: w.completeness,
    paragraphs: [w.completenessIntro],
    tables: [
      {
        header: [w.kind, w.contracts, ...COMPLETENESS_FIELDS.map((f) => w.fields[f]), w.possible],
        // Figures right-aligned and kept on one line, as numbers are.
        numeric: [1, ...COMPLETENESS_FIELDS.map((_, i) => i + 2), COMPLETENESS_FIELDS.length + 2],
        rows: [...byKind.map((r) => row(r, kindIn(lang, r.kind))), row(all, w.allKinds)],
      },
    ],
  };
}

/** Shares as bars, one a row: what, the bar, and the figure with its denominator. */
function barsSection(
  heading: string,
  label: string,
  rows: [string, number, number][],
  w: QualityWords,
): Section {
  return {
    heading,
    paragraphs: [],
    tables: [
      {
        header: [label, "", w.share],
        rows: rows.map(([what, n, of]) => [
          what,
          shareBar(n, of),
          fill(w.shareTitle, { n: formatNumber(n), of: formatNumber(of), percent: percentText(n, of) }),
        ]),
      },
    ],
  };
}

/** The bars a reader looks at before reading: records given per kind, and each column over all kinds. */
function barSections(report: QualityReport, lang: Lang, w: QualityWords): Section[] {
  const { byKind, all } = report.completeness;
  return [
    barsSection(
      w.barsRecords,
      w.kind,
      [
        ...byKind.map((r): [string, number, number] => [kindIn(lang, r.kind), r.filled.records, r.contracts]),
        [w.allKinds, all.filled.records, all.contracts],
      ],
      w,
    ),
    barsSection(
      w.barsColumns,
      w.column,
      [
        ...COMPLETENESS_FIELDS.map((f): [string, number, number] => [
          w.fields[f] === COMPLETENESS_COLUMNS[f]
            ? w.fields[f]
            : fill(w.fieldHeader, { word: w.fields[f], column: COMPLETENESS_COLUMNS[f] }),
          all.filled[f],
          all.contracts,
        ]),
        [w.possible, all.possible, all.contracts],
      ],
      w,
    ),
  ];
}

/** Ids, dates and words that a line break would make misread stay on one line. */
const oneLine = (text: string): Cell => ({ text, oneLine: true });

const contractCells = (lang: Lang, r: QualityContractRow) => [
  oneLine(r.id),
  orgCell(lang, r.consignor),
  orgCell(lang, r.contractor),
];

/** Each list's table: its header and how a row reads. */
function listTable(report: QualityReport, name: QualityListName, lang: Lang): Table {
  const w = WORDS[lang].quality;
  const orgRow = (o: OrganisationName) => [labelIn(lang, o), o.id, kindIn(lang, o.kind)];
  switch (name) {
    case "undisclosed":
      return {
        header: [w.rank, w.contract, w.consignor, w.contractor, w.records, w.reach],
        numeric: [0, 5],
        rows: report.undisclosed.rows.map((r, i) => [
          formatNumber(i + 1),
          ...contractCells(lang, r),
          oneLine(WORDS[lang].figures.undisclosed),
          formatNumber(r.reach, r.reachAtLeast),
        ]),
      };
    case "overdue":
      return {
        header: [w.contract, w.consignor, w.contractor, w.deleteBy, w.until],
        rows: report.overdue.rows.map((r) => [
          ...contractCells(lang, r),
          oneLine(r.deleteBy),
          oneLine(r.until ?? w.none_),
        ]),
      };
    case "unscopedSubcontracts":
      return {
        header: [w.contract, w.consignor, w.contractor, w.passesOn],
        numeric: [3],
        rows: report.unscopedSubcontracts.rows.map((r) => [
          ...contractCells(lang, r),
          formatNumber(r.passesOn),
        ]),
      };
    case "futureDates":
      return {
        header: [w.file, w.column, w.row, w.value],
        rows: report.futureDates.rows.map((r) => [
          oneLine(r.file),
          oneLine(r.column),
          r.organisation === null
            ? r.id
            : fill(w.exposureRow, { incident: r.id, organisation: r.organisation }),
          oneLine(r.value),
        ]),
      };
    case "unknownKinds":
      return { header: [w.organisation, w.id, w.orgKind], rows: report.unknownKinds.rows.map(orgRow) };
    case "isolated":
      return { header: [w.organisation, w.id, w.orgKind], rows: report.isolated.rows.map(orgRow) };
  }
}

/** What cutting a list leaves out, said in a sentence; null when it lists every row. */
function cappedText(lang: Lang, list: QualityList<unknown>): string | null {
  if (list.rows.length >= list.total) return null;
  return fill(WORDS[lang].quality.capped, {
    shown: formatNumber(list.rows.length),
    total: formatNumber(list.total),
    rest: formatNumber(list.total - list.rows.length),
  });
}

/** An item's sentence: how many of how many, and what it means. */
function introText(lang: Lang, report: QualityReport, name: QualityListName): string {
  const { total, of } = report[name];
  return fill(WORDS[lang].quality.intros[name], {
    total: formatNumber(total),
    of: formatNumber(of),
    share: percentText(total, of),
    today: report.today,
  });
}

/** Where an item's rows come from: the file and its columns. */
function fromText(lang: Lang, list: QualityList<unknown>): string {
  const w = WORDS[lang].quality;
  const columns = list.columns.join(w.columnsSeparator);
  return fillCount(list.columns.length, w.from, w.fromMany, { file: list.file, columns });
}

function listSection(report: QualityReport, name: QualityListName, lang: Lang): Section {
  const w = WORDS[lang].quality;
  const list = report[name];
  const paragraphs = [introText(lang, report, name), fromText(lang, list)];
  if (name === "undisclosed" && report.undisclosed.lowerBounds > 0)
    paragraphs.push(fill(w.lowerBounds, { n: formatNumber(report.undisclosed.lowerBounds) }));
  const capped = cappedText(lang, list);
  if (capped) paragraphs.push(capped);
  if (list.total === 0) paragraphs.push(w.none);
  return {
    heading: fill(w.lists[name], { today: report.today }),
    paragraphs,
    tables: [listTable(report, name, lang)],
  };
}

/** The report as a document: summary, completeness with bars, then every item with its rows. */
export function qualityDocument(report: QualityReport, lang: Lang, madeAt = new Date()): ReportDocument {
  const w = WORDS[lang].quality;
  const { name, fingerprint, loadedAt } = report.dataset;
  const unknown = WORDS[lang].report.unknownValue;
  const datasetLine = fill(w.datasetLine, {
    name: name ?? WORDS[lang].report.unnamed,
    fingerprint: fingerprint ?? unknown,
    loadedAt: loadedAt ?? unknown,
  });
  const summary = summarySection(report, w);
  summary.paragraphs.push(datasetLine);
  return {
    lang,
    title: w.title,
    subtitle: fill(w.subtitle, { today: report.today, madeAt: madeAt.toISOString() }),
    sections: [
      summary,
      ...barSections(report, lang, w),
      completenessSection(report, lang, w),
      ...QUALITY_LISTS.map((listName) => listSection(report, listName, lang)),
    ],
  };
}
