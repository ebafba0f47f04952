import { createRequire, Module } from "node:module";

/**
 * exceljs, with one fix: 4.4.0 turns each inflated chunk of a sheet's XML into text on its own,
 * so a Japanese character cut by a chunk boundary reads as "��" (exceljs/exceljs#2084, open since
 * 2022; the fixes proposed in #1665 and #1821 are not merged). Its XML reader is swapped, before
 * exceljs loads, for the same one with a decoder that carries a cut character over to the next
 * chunk. Every module that uses exceljs imports it from here (tests/unit/architecture.test.ts
 * checks); tests/unit/workbook.test.ts reads a Japanese workbook whose text crosses chunk boundaries.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve("exceljs/lib/utils/parse-sax.js");

/** The part of saxes's parser this reader uses. */
interface SaxesParser {
  on(event: "error", handler: (error: Error) => void): void;
  on(event: "opentag" | "text" | "closetag", handler: (value: unknown) => void): void;
  write(chunk: string): void;
}

type SaxEvent = { eventType: "opentag" | "text" | "closetag"; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  // saxes is exceljs's own dependency, resolved from where exceljs is: the parser it already uses.
  const { SaxesParser } = createRequire(parseSaxPath)("saxes") as { SaxesParser: new () => SaxesParser };
  const parser = new SaxesParser();
  const decoder = new TextDecoder("utf-8");
  let error: Error | undefined;
  parser.on("error", (e) => {
    error = e;
  });
  let events: SaxEvent[] = [];
  parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest !== "") {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const FIXED = Symbol.for("keiro.exceljs.parseSax");
const cache = require.cache as Record<string, { exports: Record<symbol, unknown> } | undefined>;
const cached = cache[parseSaxPath];
if (cached === undefined) {
  const fixed = new Module(parseSaxPath);
  fixed.filename = parseSaxPath;
  fixed.loaded = true;
  fixed.exports = Object.assign(parseSax, { [FIXED]: true });
  cache[parseSaxPath] = fixed as unknown as { exports: Record<symbol, unknown> };
} else if (cached.exports[FIXED] !== true) {
  // A module imported exceljs itself first: its readers already hold the broken decoder.
  throw new Error("exceljs was loaded before register/exceljs.ts: import it from there only");
}

const ExcelJS = require("exceljs") as typeof import("exceljs");
export default ExcelJS;
export type { CellValue, DataValidation, Worksheet } from "exceljs";
