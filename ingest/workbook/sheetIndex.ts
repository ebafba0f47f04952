import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Unzip, UnzipInflate } from "fflate";

/**
 * A first, quick pass over a workbook's zip (no cell is parsed): each worksheet's name and its
 * merged ranges. exceljs's streaming reader skips `<mergeCell>`, and a merged block in a register
 * (one consignor typed once over five rows) reads as four empty cells: it must be refused, not
 * loaded as four rows without a consignor.
 */
export interface SheetIndex {
  /** Sheet names in workbook order. */
  names: string[];
  /** Merged ranges (`A5:A9`) by sheet name. */
  merges: Map<string, string[]>;
  /** The last row a sheet says it uses (`<dimension>`), for progress; 0 when it does not say. */
  lastRow: Map<string, number>;
}

const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const MERGE = /<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g;
const DIMENSION = /<dimension\b[^>]*\bref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/;

export async function indexSheets(path: string): Promise<SheetIndex> {
  await assertZip(path);
  const texts = new Map<string, string>();
  const mergesByPart = new Map<string, string[]>();
  const lastRowByPart = new Map<string, number>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const pending: Promise<void>[] = [];
  unzip.onfile = (file) => {
    const wanted = file.name === "xl/workbook.xml" || file.name === "xl/_rels/workbook.xml.rels";
    const sheet = SHEET_PART.test(file.name);
    if (!wanted && !sheet) return;
    pending.push(
      new Promise((resolve, reject) => {
        const decoder = new TextDecoder();
        let text = "";
        // A sheet's XML can be hundreds of megabytes: keep only a tail long enough to hold one
        // `<mergeCell .../>` cut by a chunk boundary, and scan each chunk as it comes.
        let tail = "";
        const merges: string[] = [];
        file.ondata = (error, chunk, final) => {
          if (error) return reject(error);
          const piece = decoder.decode(chunk, { stream: !final });
          if (wanted) text += piece;
          else {
            const window = tail + piece;
            const last = window.lastIndexOf("<");
            const scanned = last >= 0 && window.indexOf(">", last) < 0 ? window.slice(0, last) : window;
            for (const match of scanned.matchAll(MERGE)) merges.push(match[1] as string);
            if (!lastRowByPart.has(file.name)) {
              const dimension = DIMENSION.exec(scanned);
              if (dimension) lastRowByPart.set(file.name, Number(dimension[1] ?? 1));
            }
            tail = window.slice(scanned.length);
          }
          if (final) {
            if (wanted) texts.set(file.name, text);
            else mergesByPart.set(file.name, merges);
            resolve();
          }
        };
        file.start();
      }),
    );
  };
  for await (const chunk of createReadStream(path)) unzip.push(chunk as Uint8Array);
  unzip.push(new Uint8Array(0), true);
  await Promise.all(pending);

  const targets = new Map<string, string>();
  for (const rel of (texts.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(rel[0], "Id");
    const target = attribute(rel[0], "Target");
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const names: string[] = [];
  const merges = new Map<string, string[]>();
  const lastRow = new Map<string, number>();
  for (const sheet of (texts.get("xl/workbook.xml") ?? "").matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(sheet[0], "name");
    const part = targets.get(attribute(sheet[0], "r:id") ?? "");
    if (name === undefined) continue;
    names.push(name);
    merges.set(name, (part && mergesByPart.get(part)) || []);
    lastRow.set(name, (part && lastRowByPart.get(part)) || 0);
  }
  return { names, merges, lastRow };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeXml(match[1] as string) : undefined;
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    if (entity === "amp") return "&";
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  });
}

/** An .xlsx file is a zip; a .xls, a CSV or an HTML page renamed to .xlsx is not. */
async function assertZip(path: string): Promise<void> {
  const file = await open(path, "r");
  try {
    const start = Buffer.alloc(4);
    await file.read(start, 0, 4, 0);
    if (start.toString("latin1") !== "PK\x03\x04")
      throw new Error("it is not a zip file, as .xlsx workbooks are; save it from Excel as .xlsx");
  } finally {
    await file.close();
  }
}
