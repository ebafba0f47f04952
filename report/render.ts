import neo4j, { type Driver } from "neo4j-driver";
import { cypher } from "../db/cypherFiles.ts";
import type { BlastRadius } from "../domain/index.ts";
import type { Comparison } from "../impact/compare.ts";
import { blastRadiusCsv } from "./csv.ts";
import { buildReport, type DatasetInfo } from "./document.ts";
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

export async function datasetInfo(driver: Driver): Promise<DatasetInfo> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher("impact/dataset")), { timeout: 10_000 });
    return result.records[0]?.toObject() as DatasetInfo;
  } finally {
    await session.close();
  }
}

/** A blast radius (and, for a what-if, its comparison) in one of the report formats. */
export function renderImpact(
  format: ReportFormat,
  result: BlastRadius,
  dataset: DatasetInfo,
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
