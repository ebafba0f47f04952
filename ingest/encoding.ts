import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import iconv from "iconv-lite";

/** UTF-8 (with or without BOM) or Shift_JIS as Excel writes it in Japan (CP932). */
export type FileEncoding = "utf-8" | "cp932";

export interface FileFacts {
  encoding: FileEncoding;
  sha256: string;
  bytes: number;
}

/**
 * Reads a file once, streaming: its fingerprint, its size, and its encoding. A file that is
 * valid UTF-8 from end to end is UTF-8; anything else is read as CP932, and bytes that are not
 * CP932 either are reported line by line when the file is parsed.
 */
export async function inspectFile(path: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let isUtf8 = true;
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    if (isUtf8) {
      try {
        utf8.decode(buffer, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
  }
  if (isUtf8) {
    try {
      utf8.decode();
    } catch {
      isUtf8 = false;
    }
  }
  return { encoding: isUtf8 ? "utf-8" : "cp932", sha256: hash.digest("hex"), bytes };
}

/** A stream of text from a stream of bytes in the given encoding. */
export function decoder(encoding: FileEncoding): Transform {
  if (encoding === "cp932") return iconv.decodeStream("cp932") as unknown as Transform;
  const utf8 = new TextDecoder("utf-8");
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      done(null, utf8.decode(chunk, { stream: true }));
    },
    flush(done: TransformCallback) {
      done(null, utf8.decode());
    },
  });
}
