import type { ReportDocument, Table } from "./document.ts";

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

function table(t: Table): string {
  const align = t.header.map((_, i) => (t.numeric?.includes(i) ? "---:" : "---"));
  return [t.header, align, ...t.rows].map((row) => `| ${row.map(escapeCell).join(" | ")} |`).join("\n");
}

export function renderMarkdown(doc: ReportDocument): string {
  const out = [`# ${markdownText(doc.title)}`, "", `_${markdownText(doc.subtitle)}_`, ""];
  for (const section of doc.sections) {
    out.push(`## ${markdownText(section.heading)}`, "");
    for (const p of section.paragraphs) out.push(markdownText(p), "");
    for (const t of section.tables) if (t.rows.length > 0) out.push(table(t), "");
    for (const link of section.links ?? []) out.push(`- ${linkLine(link)}`);
    if (section.links?.length) out.push("");
  }
  return out.join("\n");
}
