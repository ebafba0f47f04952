import type { Lang } from "../locale/index.ts";

/**
 * What every document Keiro hands on is made of — an impact report, a breach-response packet, the
 * packets' index: sections of paragraphs, lists, tables and sources. html.ts and markdown.ts render
 * any of them, with one escaper each; nothing from the dataset reaches a page unescaped.
 */

/** A table cell that links to another organisation's packet (packets and their index). */
export interface Cell {
  text: string;
  /** The id of the organisation whose packet the cell opens. */
  packet?: string;
  /** Kept on one line (days left: "残り 3 日" broken in two is misread). */
  oneLine?: boolean;
}

export interface Table {
  header: string[];
  rows: (string | Cell)[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: number[];
}

export interface Section {
  heading: string;
  paragraphs: string[];
  /** A bulleted list after the paragraphs. */
  list?: string[];
  tables: Table[];
  /** Sources: a web address at the start becomes a link. */
  links?: string[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: Section[];
}

/** Where a document's packet links point: beside it (packets), or into a folder (the index). */
export interface RenderOptions {
  packetPrefix: string;
}

export const cellText = (cell: string | Cell): string => (typeof cell === "string" ? cell : cell.text);

/** A packet's file name: ids may hold `:`, which some file systems refuse; `~` is no id character. */
export const packetFile = (id: string, extension: "html" | "md") => `${id.replaceAll(":", "~")}.${extension}`;

/** A source in a document: a plain web address at its start, and the rest of the line. */
export function splitSource(text: string): { url: string | null; rest: string } {
  const match = /^(https?:\/\/[^\s<>()[\]`"']+)(.*)$/s.exec(text);
  return match ? { url: match[1] as string, rest: match[2] as string } : { url: null, rest: text };
}

/** A source cell's sources: `a ; b` is two. */
const sourcesOf = (text: string | null | undefined): string[] =>
  (text ?? "")
    .split(" ; ")
    .map((s) => s.trim())
    .filter(Boolean);

/** The first source a cell cites, or "—" when it cites none. */
export const firstSource = (text: string | null | undefined): string => sourcesOf(text)[0] ?? "—";

/** Every source some cells cite, once each, sorted. */
export function citedSources(texts: Iterable<string | null | undefined>): string[] {
  const all = new Set<string>();
  for (const text of texts) for (const s of sourcesOf(text)) all.add(s);
  return [...all].sort();
}
