import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type PacketBook, type PacketDoc, packetFile } from "./packet.ts";
import { packetHtml, packetMarkdown } from "./render.ts";

/** Where the packets go inside the folder: beside the index, never named like it. */
export const PACKET_FOLDER = "organisations";

export interface PacketFile {
  path: string;
  body: string;
}

/**
 * Every file of a packet set, lazily: the index (index.html, index.md) and, in `organisations/`,
 * one packet per compromised and per affected organisation in HTML and Markdown.
 */
export function* packetFiles(
  book: PacketBook,
  compromised: string[],
  affected: string[],
): Generator<PacketFile> {
  const index = book.index();
  const fromIndex = { packetPrefix: `${PACKET_FOLDER}/` };
  yield { path: "index.html", body: packetHtml(index, fromIndex) };
  yield { path: "index.md", body: packetMarkdown(index, fromIndex) };
  const beside = { packetPrefix: "" };
  const packet = (id: string, doc: PacketDoc) => [
    { path: `${PACKET_FOLDER}/${packetFile(id, "html")}`, body: packetHtml(doc, beside) },
    { path: `${PACKET_FOLDER}/${packetFile(id, "md")}`, body: packetMarkdown(doc, beside) },
  ];
  for (const id of compromised) yield* packet(id, book.compromisedPacket(id));
  for (const id of affected) yield* packet(id, book.affectedPacket(id));
}

/** Writes a packet set into `dir` (created when missing); returns how many files it wrote. */
export function writePacketFiles(dir: string, files: Iterable<PacketFile>): number {
  mkdirSync(join(dir, PACKET_FOLDER), { recursive: true });
  let count = 0;
  for (const file of files) {
    writeFileSync(join(dir, file.path), file.body);
    count += 1;
  }
  return count;
}
