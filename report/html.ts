import { batched, joinedInChunks } from "./chunks.ts";
import {
  type Cell,
  cellText,
  packetFile,
  type RenderOptions,
  type ReportDocument,
  splitSource,
  type Table,
} from "./model.ts";

/** The one HTML escaper of every document: text from a dataset never becomes markup. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A source: a leading web address becomes a link, the rest stays text. */
function sourceHtml(text: string): string {
  const { url, rest } = splitSource(text);
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(rest)}` : escapeHtml(text);
}

function cellHtml(cell: string | Cell, options: RenderOptions): string {
  if (typeof cell === "string") return sourceHtml(cell);
  if (cell.packet === undefined) return escapeHtml(cell.text);
  const href = escapeHtml(options.packetPrefix + packetFile(cell.packet, "html"));
  return `<a href="${href}">${escapeHtml(cell.text)}</a>`;
}

/** Dates stay on one line: "2024-05-31" broken in two is misread (and cells marked oneLine). */
const DAY = /^\d{4}-\d\d-\d\d$/;

function* tableHtml(t: Table, options: RenderOptions): Generator<string> {
  const numeric = (i: number) => (t.numeric?.includes(i) ? ' class="n"' : "");
  const cls = (cell: string | Cell, i: number) =>
    numeric(i) ||
    ((typeof cell !== "string" && cell.oneLine) || DAY.test(cellText(cell)) ? ' class="d"' : "");
  const head = t.header.map((h, i) => `<th${numeric(i)}>${escapeHtml(h)}</th>`).join("");
  yield `<table><thead><tr>${head}</tr></thead><tbody>\n`;
  yield* joinedInChunks(
    t.rows,
    (row) => `<tr>${row.map((c, i) => `<td${cls(c, i)}>${cellHtml(c, options)}</td>`).join("")}</tr>`,
    "\n",
  );
  yield "\n</tbody></table>";
}

/**
 * On screen and on paper (A4 with 15 mm margins): table headers repeated on each page, no row cut
 * across pages, no heading left alone at the foot of a page, long addresses wrapped instead of
 * widening a table.
 */
const STYLE = `
body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.15rem;border-bottom:1px solid #999;padding-bottom:.15rem;margin-top:1.6rem}
.sub{color:#444;margin-top:0}table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem}
th,td{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eee}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.d{white-space:nowrap}ul{font-size:.85rem;overflow-wrap:anywhere}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}thead{display:table-header-group}
tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}}`;

/**
 * A document as one self-contained HTML file (no scripts, no external assets) that prints on A4,
 * in pieces (the API streams them; joined they are the whole page).
 */
export function renderHtml(
  doc: ReportDocument,
  options: RenderOptions = { packetPrefix: "" },
): Generator<string> {
  return batched(htmlPieces(doc, options));
}

function* htmlPieces(doc: ReportDocument, options: RenderOptions): Generator<string> {
  yield `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p>
`;
  for (const [n, s] of doc.sections.entries()) {
    if (n > 0) yield "\n";
    const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
    const list = s.list?.length
      ? `<ul>${s.list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>\n`
      : "";
    yield `<section><h2>${escapeHtml(s.heading)}</h2>\n${paragraphs}\n${list}`;
    for (const [i, t] of s.tables.filter((t) => t.rows.length > 0).entries()) {
      if (i > 0) yield "\n";
      yield* tableHtml(t, options);
    }
    const links = s.links?.length
      ? `<ul>${s.links.map((l) => `<li>${sourceHtml(l)}</li>`).join("")}</ul>`
      : "";
    yield `\n${links}</section>`;
  }
  yield `
</body></html>
`;
}
