import {
  QUALITY_LISTS,
  type QualityList,
  type QualityListName,
  type QualityReport,
} from "../../domain/index.ts";
import type { Lang } from "../../locale/index.ts";
import { jsonChunks, whole } from "../chunks.ts";
import { renderHtml } from "../html.ts";
import { renderMarkdown } from "../markdown.ts";
import type { Rendered } from "../render.ts";
import { qualityDocument } from "./document.ts";

export const QUALITY_FORMATS = ["json", "md", "html"] as const;
export type QualityFormat = (typeof QUALITY_FORMATS)[number];

/** Rows a Markdown or HTML report lists per item; the JSON lists every row it was given. */
export const REPORT_ROWS = 50;

/** Each list cut to `rows` (a Markdown or HTML report's length); totals unchanged. */
export function cutLists(report: QualityReport, rows: number): QualityReport {
  const cut = { ...report };
  for (const name of QUALITY_LISTS) {
    const list = report[name];
    (cut as Record<QualityListName, QualityList<unknown>>)[name] = {
      ...list,
      rows: list.rows.slice(0, rows),
    };
  }
  return cut;
}

/** The report in a format: JSON as given (every row the limit let in), Markdown and HTML cut to REPORT_ROWS. */
export function renderQuality(format: QualityFormat, report: QualityReport, lang: Lang): Rendered {
  const make = (chunks: () => Iterable<string>, contentType: string, extension: string): Rendered => ({
    chunks,
    get body() {
      return whole(chunks());
    },
    contentType,
    extension,
  });
  if (format === "json")
    return make(() => jsonChunks(report, "\n"), "application/json; charset=utf-8", "json");
  const doc = qualityDocument(cutLists(report, REPORT_ROWS), lang);
  return format === "md"
    ? make(() => renderMarkdown(doc), "text/markdown; charset=utf-8", "md")
    : make(() => renderHtml(doc), "text/html; charset=utf-8", "html");
}
