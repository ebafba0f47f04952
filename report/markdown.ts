import { batched, joinedInChunks } from "./chunks.ts";
import {
  type Cell,
  cellText,
  packetFile,
  type RenderOptions,
  type ReportDocument,
  splitSource,
} from "./model.ts";

/** Control characters (but tab and newline) say nothing to a reader and can hide text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The one Markdown escaper of every document: no control characters, and every character that
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

/** A source: a plain web address stays a link, anything else is text. */
function sourceMarkdown(text: string): string {
  const { url, rest } = splitSource(text);
  return url ? `${url}${markdownText(rest)}` : markdownText(text);
}

function cellMarkdown(cell: string | Cell, options: RenderOptions): string {
  const text = markdownText(cellText(cell)).replaceAll("\n", " ");
  if (typeof cell === "string" || cell.packet === undefined) return text;
  // Ids are `A-Z a-z 0-9 . _ : -` only: the address needs no escaping.
  return `[${text}](${options.packetPrefix}${packetFile(cell.packet, "md")})`;
}

/** A document in Markdown, in pieces (lines joined by newlines, as one string would have them). */
export function renderMarkdown(
  doc: ReportDocument,
  options: RenderOptions = { packetPrefix: "" },
): Generator<string> {
  return batched(markdownPieces(doc, options));
}

function* markdownPieces(doc: ReportDocument, options: RenderOptions): Generator<string> {
  const row = (cells: (string | Cell)[]) => `| ${cells.map((c) => cellMarkdown(c, options)).join(" | ")} |`;
  yield [`# ${markdownText(doc.title)}`, "", `_${markdownText(doc.subtitle)}_`, ""].join("\n");
  for (const section of doc.sections) {
    const head = [`## ${markdownText(section.heading)}`, ""];
    for (const p of section.paragraphs) head.push(markdownText(p), "");
    if (section.list?.length) head.push(...section.list.map((l) => `- ${markdownText(l)}`), "");
    yield `\n${head.join("\n")}`;
    for (const t of section.tables) {
      if (t.rows.length === 0) continue;
      const align = t.header.map((_, i) => (t.numeric?.includes(i) ? "---:" : "---"));
      yield `\n${row(t.header)}\n${row(align)}\n`;
      yield* joinedInChunks(t.rows, row, "\n");
      yield "\n";
    }
    const links = (section.links ?? []).map((link) => `- ${sourceMarkdown(link)}`);
    if (links.length > 0) yield `\n${links.join("\n")}\n`;
  }
}
