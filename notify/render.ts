import { markdownText } from "../report/markdown.ts";
import { type Cell, type PacketDoc, type PacketTable, packetFile } from "./packet.ts";

/**
 * Packets as self-contained HTML (no scripts, no external assets; A4 print styles) and as
 * Markdown. Everything from the dataset is escaped: HTML by `esc`, Markdown by report/'s
 * markdownText; only a leading http(s) address of a source becomes a link.
 */

/** Where a packet's links point: beside it (packets) or into `organisations/` (the index). */
export interface RenderOptions {
  packetPrefix: string;
}

function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const cellText = (cell: string | Cell) => (typeof cell === "string" ? cell : cell.text);

function htmlLink(text: string): string {
  const url = /^(https?:\/\/[^\s<>"']+)(.*)$/s.exec(text);
  return url
    ? `<a href="${esc(url[1] as string)}">${esc(url[1] as string)}</a>${esc(url[2] as string)}`
    : esc(text);
}

function htmlCell(cell: string | Cell, options: RenderOptions): string {
  if (typeof cell === "string") return htmlLink(cell);
  if (cell.packet === undefined) return esc(cell.text);
  return `<a href="${esc(options.packetPrefix + packetFile(cell.packet, "html"))}">${esc(cell.text)}</a>`;
}

function htmlTable(t: PacketTable, options: RenderOptions): string {
  const cls = (i: number) => (t.numeric?.includes(i) ? ' class="n"' : "");
  // Dates and days left stay on one line: "2024-05-31" broken in two is misread.
  const cellClass = (c: string | Cell, i: number) =>
    cls(i) ||
    (typeof c === "string" && /^(\d{4}-\d\d-\d\d|残り\d+日|\d+ days left)$/.test(c) ? ' class="d"' : "");
  const head = t.header.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join("");
  const body = t.rows
    .map(
      (row) => `<tr>${row.map((c, i) => `<td${cellClass(c, i)}>${htmlCell(c, options)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * On paper: A4 with 15 mm margins, table headers repeated on each page, no row cut across pages,
 * no heading left alone at the foot of a page, long addresses wrapped instead of widening a table.
 */
const STYLE = `
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.15rem;border-bottom:1px solid #999;padding-bottom:.15rem;margin-top:1.6rem}
.sub{color:#444;margin-top:0}table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem}
th,td{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eee}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.d{white-space:nowrap}ul{font-size:.85rem;overflow-wrap:anywhere}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}thead{display:table-header-group}
tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}}`;

export function packetHtml(doc: PacketDoc, options: RenderOptions): string {
  const sections = doc.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n");
      const list = s.list?.length ? `<ul>${s.list.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>` : "";
      const tables = s.tables
        .filter((t) => t.rows.length > 0)
        .map((t) => htmlTable(t, options))
        .join("\n");
      const links = s.links?.length
        ? `<ul>${s.links.map((l) => `<li>${htmlLink(l)}</li>`).join("")}</ul>`
        : "";
      return `<section><h2>${esc(s.heading)}</h2>\n${paragraphs}\n${list}\n${tables}\n${links}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(doc.title)}</h1><p class="sub">${esc(doc.subtitle)}</p>
${sections}
</body></html>
`;
}

function mdCell(cell: string | Cell, options: RenderOptions): string {
  const text = markdownText(cellText(cell)).replaceAll("\n", " ");
  if (typeof cell === "string" || cell.packet === undefined) return text;
  // Ids are `A-Z a-z 0-9 . _ : -` only: the address needs no escaping.
  return `[${text}](${options.packetPrefix}${packetFile(cell.packet, "md")})`;
}

function mdLink(text: string): string {
  const url = /^(https?:\/\/[^\s<>()[\]`"]+)(.*)$/s.exec(text);
  return url ? `<${url[1]}>${markdownText(url[2] as string)}` : markdownText(text);
}

export function packetMarkdown(doc: PacketDoc, options: RenderOptions): string {
  const out = [`# ${markdownText(doc.title)}`, "", `_${markdownText(doc.subtitle)}_`, ""];
  for (const s of doc.sections) {
    out.push(`## ${markdownText(s.heading)}`, "");
    for (const p of s.paragraphs) out.push(markdownText(p), "");
    if (s.list?.length) out.push(...s.list.map((l) => `- ${markdownText(l)}`), "");
    for (const t of s.tables) {
      if (t.rows.length === 0) continue;
      const align = t.header.map((_, i) => (t.numeric?.includes(i) ? "---:" : "---"));
      const rows = t.rows.map((row) => row.map((c) => mdCell(c, options)));
      out.push(
        ...[t.header.map((h) => markdownText(h)), align, ...rows].map((row) => `| ${row.join(" | ")} |`),
        "",
      );
    }
    if (s.links?.length) out.push(...s.links.map((l) => `- ${mdLink(l)}`), "");
  }
  return out.join("\n");
}
