import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { whole } from "../chunks.ts";
import { renderHtml } from "../html.ts";
import { renderMarkdown } from "../markdown.ts";
import { packetFile, type ReportDocument } from "../model.ts";
import type { PacketBook } from "./book.ts";

/** Where the packets go inside the folder: beside the index, never named like it. */
const PACKET_FOLDER = "organisations";

export interface PacketFile {
  path: string;
  body: string;
}

/**
 * Every file of a packet set, lazily: the index (index.html, index.md) and, in `organisations/`,
 * one packet per compromised and per affected organisation (or those of `ids`) in HTML and Markdown.
 */
export function* packetFiles(
  book: PacketBook,
  ids: { compromised: string[]; affected: string[] } = book.packetIds,
): Generator<PacketFile> {
  const index = book.index();
  const fromIndex = { packetPrefix: `${PACKET_FOLDER}/` };
  yield { path: "index.html", body: whole(renderHtml(index, fromIndex)) };
  yield { path: "index.md", body: whole(renderMarkdown(index, fromIndex)) };
  const beside = { packetPrefix: "" };
  const packet = (id: string, doc: ReportDocument) => [
    { path: `${PACKET_FOLDER}/${packetFile(id, "html")}`, body: whole(renderHtml(doc, beside)) },
    { path: `${PACKET_FOLDER}/${packetFile(id, "md")}`, body: whole(renderMarkdown(doc, beside)) },
  ];
  const { compromised, affected } = ids;
  for (const id of compromised) yield* packet(id, book.compromisedPacket(id));
  for (const id of affected) yield* packet(id, book.affectedPacket(id));
}

/** Writes a packet set into `dir` (its folders created when missing); returns how many files it wrote. */
export function writePacketFiles(dir: string, files: Iterable<PacketFile>): number {
  let count = 0;
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.body);
    count += 1;
  }
  return count;
}
