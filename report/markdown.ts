import type { ReportDocument, Table } from "./document.ts";

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(t: Table): string {
  const align = t.header.map((_, i) => (t.numeric?.includes(i) ? "---:" : "---"));
  return [t.header, align, ...t.rows].map((row) => `| ${row.map(escapeCell).join(" | ")} |`).join("\n");
}

export function renderMarkdown(doc: ReportDocument): string {
  const out = [`# ${doc.title}`, "", `_${doc.subtitle}_`, ""];
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, "");
    for (const p of section.paragraphs) out.push(p, "");
    for (const t of section.tables) if (t.rows.length > 0) out.push(table(t), "");
    for (const link of section.links ?? []) out.push(`- ${link}`);
    if (section.links?.length) out.push("");
  }
  return out.join("\n");
}
