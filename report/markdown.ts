import { batched, joinedInChunks } from "./chunks.ts";
import type { ReportDocument } from "./document.ts";

/** Control characters (but tab and newline) say nothing to a reader and can hide text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text from a dataset, made inert in Markdown: no control characters, and every character that
 * could start markup (emphasis, code, links, HTML, tables) escaped, so a name such as
 * `[click](javascript:…)` or `<img src=x>` reads as itself.
 */
export function markdownText(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

function escapeCell(text: string): string {
  return markdownText(text).replaceAll("\n", " ");
}

/** A source: a plain web address stays a link, anything else is text. */
function linkLine(text: string): string {
  const url = /^(https?:\/\/[^\s<>()[\]`"]+)(.*)$/.exec(text);
  return url ? `${url[1]}${markdownText(url[2] as string)}` : markdownText(text);
}

const row = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;

/** The report in Markdown, in pieces (lines joined by newlines, as one string would have them). */
export function renderMarkdown(doc: ReportDocument): Generator<string> {
  return batched(markdownPieces(doc));
}

function* markdownPieces(doc: ReportDocument): Generator<string> {
  yield [`# ${markdownText(doc.title)}`, "", `_${markdownText(doc.subtitle)}_`, ""].join("\n");
  for (const section of doc.sections) {
    const head = [`## ${markdownText(section.heading)}`, ""];
    for (const p of section.paragraphs) head.push(markdownText(p), "");
    yield `\n${head.join("\n")}`;
    for (const t of section.tables) {
      if (t.rows.length === 0) continue;
      const align = t.header.map((_, i) => (t.numeric?.includes(i) ? "---:" : "---"));
      yield `\n${row(t.header)}\n${row(align)}\n`;
      yield* joinedInChunks(t.rows, row, "\n");
      yield "\n";
    }
    const links = (section.links ?? []).map((link) => `- ${linkLine(link)}`);
    if (links.length > 0) yield `\n${links.join("\n")}\n`;
  }
}
