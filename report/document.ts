import {
  type BlastRadius,
  breakdown,
  type Comparison,
  type DatasetStamp,
  formatCount,
} from "../domain/index.ts";
import { chainText, countText, displayName, reportedText, scenarioInWords } from "./words.ts";

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
  title: string;
  subtitle: string;
  sections: Section[];
}

function totalsTable(result: BlastRadius): Table {
  const t = result.totals;
  return {
    header: ["", "figure"],
    numeric: [1],
    rows: [
      ["Affected organisations", formatCount(t.organisations)],
      ["Contracts counted", formatCount(t.contracts)],
      ["Records exposed", countText(t.records, t.undisclosedContracts)],
      ["Persons exposed", countText(t.subjects, t.undisclosedSubjectContracts)],
      ["Contracts with undisclosed records", formatCount(t.undisclosedContracts)],
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

function comparisonSection(comparison: Comparison): Section {
  const { change, plain } = comparison;
  const avoided = -change.records;
  const lines = [
    `Against the plain compromise of the same organisations (${countText(plain.totals.records, plain.totals.undisclosedContracts)} records, ${formatCount(plain.totals.organisations)} organisations), this scenario ${avoided > 0 ? `keeps ${formatCount(avoided)} known records out of the attacker's hands` : avoided < 0 ? `exposes ${formatCount(-avoided)} more known records` : "changes no known records"} and ${change.noLongerAffected.length > 0 ? `spares ${formatCount(change.noLongerAffected.length)} organisations` : "spares no organisation"}.`,
  ];
  if (change.undisclosedContracts !== 0) {
    lines.push(
      `${formatCount(Math.abs(change.undisclosedContracts))} contracts with undisclosed records ${change.undisclosedContracts < 0 ? "drop out" : "come in"}, so the true difference may be larger.`,
    );
  }
  return {
    heading: "What changes",
    paragraphs: lines,
    tables: [
      {
        header: ["No longer affected", "records (plain compromise)"],
        numeric: [1],
        rows: change.noLongerAffected.map((o) => [
          `${o.name} (${o.id})`,
          countText(o.records, o.undisclosed),
        ]),
      },
    ],
  };
}

export function buildReport(
  result: BlastRadius,
  dataset: DatasetStamp,
  comparison?: Comparison,
  madeAt = new Date(),
): ReportDocument {
  const t = result.totals;
  const sections: Section[] = [];
  sections.push({
    heading: "Scenario",
    paragraphs: [
      scenarioInWords(result),
      t.undisclosedContracts > 0
        ? `${formatCount(t.undisclosedContracts)} of the ${formatCount(t.contracts)} contracts counted have undisclosed record counts: the totals are lower bounds (≥).`
        : "Every contract counted has a disclosed record count.",
    ],
    tables: [totalsTable(result)],
  });
  if (comparison) sections.push(comparisonSection(comparison));
  for (const by of ["kind", "region"] as const) {
    sections.push({
      heading: `By ${by}`,
      paragraphs: [],
      tables: [
        {
          header: [by, "organisations", "records"],
          numeric: [1, 2],
          rows: breakdown(result.affected, by).map((g) => [
            g.key,
            formatCount(g.organisations),
            countText(g.records, g.undisclosed),
          ]),
        },
      ],
    });
  }
  const deepest = result.affected.filter((a) => a.depth > 1);
  sections.push({
    heading: "Chains through contractors",
    paragraphs:
      deepest.length === 0 ? ["Every affected organisation contracts with a compromised one directly."] : [],
    tables:
      deepest.length === 0
        ? []
        : [
            {
              header: ["depth", "chain", "contracts"],
              numeric: [0],
              rows: deepest.map((a) => [String(a.depth), chainText(a.path, result), a.chain.join(" → ")]),
            },
          ],
  });
  sections.push({
    heading: "Affected organisations",
    paragraphs: result.truncated
      ? [
          `The ${formatCount(result.truncated.shown)} nearest and largest of ${formatCount(result.truncated.total)} are listed; the totals cover all.`,
        ]
      : [],
    tables: [
      {
        header: ["organisation", "kind", "region", "depth", "records", "persons", "data categories"],
        numeric: [3, 4, 5],
        rows: result.affected.map((a) => [
          displayName(a),
          a.kind ?? "",
          a.region ?? "",
          String(a.depth),
          countText(a.records, a.undisclosed),
          formatCount(a.subjects),
          a.dataCategories.join(", "),
        ]),
      },
    ],
  });
  const reported = result.affected.filter((a) => a.reported.length > 0);
  sections.push({
    heading: "Reported beside modelled",
    paragraphs: [
      result.unmodelled.length > 0
        ? `${result.unmodelled.length} reported exposure(s) concern organisations the model does not find affected — gaps in the data: ${result.unmodelled.map((u) => `${u.organisation} (${reportedText(u)})`).join("; ")}.`
        : "Every reported exposure concerns an organisation the model finds affected.",
    ],
    tables: [
      {
        header: ["organisation", "modelled records", "reported"],
        numeric: [1],
        rows: reported.map((a) => [
          displayName(a),
          countText(a.records, a.undisclosed),
          a.reported.map((r) => reportedText(r)).join("; "),
        ]),
      },
    ],
  });
  sections.push({
    heading: "Sources",
    paragraphs: [
      `Dataset ${dataset.name ?? "(unnamed)"}, fingerprint ${dataset.fingerprint ?? "(unknown)"}, loaded ${dataset.loadedAt ?? "(unknown)"}.`,
    ],
    tables: [],
    links: sources(result),
  });
  return {
    title: `Blast radius: ${result.compromised.map((c) => c.name).join(" + ")}`,
    subtitle: `Keiro impact report, made ${madeAt.toISOString()}`,
    sections,
  };
}
