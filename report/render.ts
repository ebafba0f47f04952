import { comparisonAnswer, impactAnswer, ParameterError } from "../domain/index.ts";
import { blastRadiusCsv } from "./csv.ts";
import { buildReport, type ReportInput } from "./document.ts";
import { blastRadiusGexf } from "./gexf.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";

export type { ReportInput, SinceReport } from "./document.ts";

export const REPORT_FORMATS = ["json", "csv", "md", "html", "gexf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Rendered {
  body: string;
  contentType: string;
  extension: string;
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
      return {
        body: `${JSON.stringify(answer, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        extension: "json",
      };
    }
    case "csv":
      return {
        body: blastRadiusCsv(result, input.lang, since),
        contentType: "text/csv; charset=utf-8",
        extension: "csv",
      };
    case "md":
      return {
        body: renderMarkdown(buildReport(input)),
        contentType: "text/markdown; charset=utf-8",
        extension: "md",
      };
    case "html":
      return {
        body: renderHtml(buildReport(input)),
        contentType: "text/html; charset=utf-8",
        extension: "html",
      };
    case "gexf":
      return {
        body: blastRadiusGexf(result),
        contentType: "application/gexf+xml; charset=utf-8",
        extension: "gexf",
      };
  }
}
