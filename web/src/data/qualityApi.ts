import type { QualityReport } from "../../../domain/index.ts";

/**
 * The Data view's requests: what the loaded dataset lacks (`GET /api/quality`), and the same as
 * files to download. The browser only reads, and never sees credentials.
 */

/** The rows of each item the view lists; the downloads have more (docs/data-quality.md). */
export const VIEW_ROWS = 20;
/** The rows of each item the JSON download lists: the API's largest page. */
export const DOWNLOAD_ROWS = 20_000;

/** The request's query: the day dates are judged at ("": today in Japan, as the API decides). */
export function qualityQuery(today: string, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams(extra);
  if (today) params.set("today", today);
  return params;
}

export async function fetchQuality(today: string, signal: AbortSignal): Promise<QualityReport> {
  const response = await fetch(`/api/quality?${qualityQuery(today, { limit: String(VIEW_ROWS) })}`, {
    signal,
  });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? response.statusText);
  return body as QualityReport;
}

/** The report as a file: HTML or Markdown in the view's language, or the JSON with up to DOWNLOAD_ROWS rows an item. */
export function qualityFileUrl(today: string, format: "html" | "md" | "json", lang: string): string {
  const extra: Record<string, string> =
    format === "json" ? { format, limit: String(DOWNLOAD_ROWS) } : { format, lang };
  return `/api/quality?${qualityQuery(today, extra)}`;
}
