import { comparisonAnswer, impactAnswer, ParameterError, type VendorRank } from "../domain/index.ts";
import { jsonChunks, whole } from "./chunks.ts";
import { blastRadiusCsv, rankCsv } from "./csv.ts";
import { buildReport, type ReportInput } from "./document.ts";
import { blastRadiusGexf } from "./gexf.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";

export type { ReportInput } from "./document.ts";

export const REPORT_FORMATS = ["json", "csv", "md", "html", "gexf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * A rendered report: `chunks()` renders its text in pieces (the API streams them; see chunks.ts),
 * `body` the whole text at once (the command line writes it).
 */
export interface Rendered {
  chunks: () => Iterable<string>;
  readonly body: string;
  contentType: string;
  extension: string;
}

function rendered(chunks: () => Iterable<string>, contentType: string, extension: string): Rendered {
  return {
    chunks,
    get body() {
      return whole(chunks());
    },
    contentType,
    extension,
  };
}

/** The formats that can show the changes since an earlier answer (GEXF is a graph of one answer). */
export function checkSinceFormat(format: ReportFormat): void {
  if (format === "gexf")
    throw new ParameterError("since", "since: a GEXF graph does not show changes; use json, csv, md or html");
}

/**
 * A blast radius (and, for a what-if, its comparison; with `since`, the changes since an earlier
 * answer) in one of the report formats, in the chosen language: a pure function of the answer,
 * which carries the stamp of the dataset it was computed on; the caller fetches it.
 */
export function renderBlastRadius(format: ReportFormat, input: ReportInput): Rendered {
  const { result, comparison, since } = input;
  if (since) checkSinceFormat(format);
  switch (format) {
    case "json": {
      const answer = comparison
        ? comparisonAnswer(comparison, since?.changes)
        : impactAnswer(result, since?.changes);
      return rendered(() => jsonChunks(answer, "\n"), "application/json; charset=utf-8", "json");
    }
    case "csv":
      return rendered(() => blastRadiusCsv(result, input.lang, since), "text/csv; charset=utf-8", "csv");
    case "md": {
      const doc = buildReport(input);
      return rendered(() => renderMarkdown(doc), "text/markdown; charset=utf-8", "md");
    }
    case "html": {
      const doc = buildReport(input);
      return rendered(() => renderHtml(doc), "text/html; charset=utf-8", "html");
    }
    case "gexf":
      // A graph for Gephi, built whole by graphology-gexf: one piece.
      return rendered(() => [blastRadiusGexf(result)], "application/gexf+xml; charset=utf-8", "gexf");
  }
}

export const RANK_FORMATS = ["json", "csv"] as const;
export type RankFormat = (typeof RANK_FORMATS)[number];

/** The vendor ranking as JSON (the array, indented as every JSON answer) or CSV. */
export function renderRank(format: RankFormat, ranks: VendorRank[]): Rendered {
  if (format === "csv") return rendered(() => [rankCsv(ranks)], "text/csv; charset=utf-8", "csv");
  return rendered(() => jsonChunks(ranks, "\n"), "application/json; charset=utf-8", "json");
}
