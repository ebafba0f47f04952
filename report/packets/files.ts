import { renderHtml } from "../html.ts";
import { renderMarkdown } from "../markdown.ts";
import { packetFile } from "../model.ts";
import type { PacketBook } from "./book.ts";

/** Where the packets go inside the folder: beside the index, never named like it. */
export const PACKET_FOLDER = "organisations";

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
  yield { path: "index.html", body: [...renderHtml(index, fromIndex)].join("") };
  yield { path: "index.md", body: [...renderMarkdown(index, fromIndex)].join("") };
  const beside = { packetPrefix: "" };
  const packet = (id: string, doc: ReturnType<PacketBook["index"]>) => [
    { path: `${PACKET_FOLDER}/${packetFile(id, "html")}`, body: [...renderHtml(doc, beside)].join("") },
    { path: `${PACKET_FOLDER}/${packetFile(id, "md")}`, body: [...renderMarkdown(doc, beside)].join("") },
  ];
  const { compromised, affected } = ids;
  for (const id of compromised) yield* packet(id, book.compromisedPacket(id));
  for (const id of affected) yield* packet(id, book.affectedPacket(id));
}
