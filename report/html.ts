import { batched, joinedInChunks } from "./chunks.ts";
import type { ReportDocument, Table } from "./document.ts";

function esc(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function link(text: string): string {
  const url = /^(https?:\/\/\S+)(.*)$/.exec(text);
  return url
    ? `<a href="${esc(url[1] as string)}">${esc(url[1] as string)}</a>${esc(url[2] as string)}`
    : esc(text);
}

function* table(t: Table): Generator<string> {
  const cls = (i: number) => (t.numeric?.includes(i) ? ' class="n"' : "");
  const head = t.header.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join("");
  yield `<table><thead><tr>${head}</tr></thead><tbody>\n`;
  yield* joinedInChunks(
    t.rows,
    (row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join("")}</tr>`,
    "\n",
  );
  yield "\n</tbody></table>";
}

const STYLE = `
body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.sub{color:#666;margin-top:0}table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}ul{font-size:.85rem;word-break:break-all}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}`;

/** One self-contained HTML file (no scripts, no external assets) that prints well, in pieces. */
export function renderHtml(doc: ReportDocument): Generator<string> {
  return batched(htmlPieces(doc));
}

function* htmlPieces(doc: ReportDocument): Generator<string> {
  yield `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(doc.title)}</h1><p class="sub">${esc(doc.subtitle)}</p>
`;
  for (const [n, s] of doc.sections.entries()) {
    if (n > 0) yield "\n";
    yield `<section><h2>${esc(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}\n`;
    for (const [i, t] of s.tables.filter((t) => t.rows.length > 0).entries()) {
      if (i > 0) yield "\n";
      yield* table(t);
    }
    const links = s.links?.length ? `<ul>${s.links.map((l) => `<li>${link(l)}</li>`).join("")}</ul>` : "";
    yield `\n${links}</section>`;
  }
  yield `
</body></html>
`;
}
