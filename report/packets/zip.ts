import { PassThrough, type Readable } from "node:stream";
import { strToU8, Zip, ZipDeflate } from "fflate";
import type { PacketFile } from "./files.ts";

/**
 * A packet set as one zip archive, streamed: each file is deflated and sent as it is made, and
 * the event loop is let go between files so that one large download does not hold up the server.
 */
export function zipStream(files: Iterable<PacketFile>, folder: string): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  (async () => {
    let n = 0;
    for (const file of files) {
      if (out.destroyed) return;
      const entry = new ZipDeflate(`${folder}/${file.path}`, { level: 6 });
      zip.add(entry);
      entry.push(strToU8(file.body), true);
      // A slow reader holds the maker back instead of the archive piling up in memory.
      if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
      else if (++n % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    zip.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
