import type { BlastRadius, Comparison, DatasetStamp } from "../domain/index.ts";
import { blastRadiusCsv } from "./csv.ts";
import { buildReport } from "./document.ts";
import { blastRadiusGexf } from "./gexf.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";

export const REPORT_FORMATS = ["json", "csv", "md", "html", "gexf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface Rendered {
  body: string;
  contentType: string;
  extension: string;
}

/**
 * A blast radius (and, for a what-if, its comparison) in one of the report formats: a pure
 * function of the answer and the dataset it was computed on; the caller fetches both.
 */
export function renderBlastRadius(
  format: ReportFormat,
  result: BlastRadius,
  dataset: DatasetStamp,
  comparison?: Comparison,
): Rendered {
  switch (format) {
    case "json":
      return {
        body: `${JSON.stringify(comparison ?? result, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        extension: "json",
      };
    case "csv":
      return { body: blastRadiusCsv(result), contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "md":
      return {
        body: renderMarkdown(buildReport(result, dataset, comparison)),
        contentType: "text/markdown; charset=utf-8",
        extension: "md",
      };
    case "html":
      return {
        body: renderHtml(buildReport(result, dataset, comparison)),
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
