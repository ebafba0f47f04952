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
  /** Set when the file is UTF-16, which is refused: how it was recognised. */
  utf16?: string;
  /**
   * UTF-8 without a quote, without a carriage return, and no line longer than a record may be:
   * its records are its non-empty lines split at commas, exactly as the CSV parser would read
   * them, which readCsv then does itself, several times faster (ingest/readCsv.ts).
   */
  plain: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The longest record read, in characters: a quote left open must not swallow the whole file
 * (ingest/readCsv.ts). A `plain` file's lines are no longer in bytes, so none reaches it.
 */
export const MAX_RECORD_CHARACTERS = 1_048_576;

/**
 * Reads a file once, streaming: its fingerprint, its size, and its encoding. A file that is
 * valid UTF-8 from end to end is UTF-8; anything else is read as CP932, and bytes that are not
 * CP932 either are reported line by line when the file is parsed. UTF-16 (Excel's "Unicode
 * Text") is recognised by its byte order mark, or by the NUL bytes its ASCII characters carry.
 */
export async function inspectFile(path: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let isUtf8 = true;
  let bytes = 0;
  let utf16: string | undefined;
  // What `plain` needs: no quote or CR byte, and the bytes of the longest line (a record's limit
  // is in characters, never more than its bytes).
  let quotesOrCr = false;
  let line = 0;
  let longest = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    if (!quotesOrCr) quotesOrCr = buffer.includes(QUOTE) || buffer.includes(CR);
    for (let from = 0; ; ) {
      const end = buffer.indexOf(LF, from);
      if (end === -1) {
        line += buffer.length - from;
        break;
      }
      longest = Math.max(longest, line + end - from);
      line = 0;
      from = end + 1;
    }
    if (bytes === 0) utf16 = utf16Mark(buffer);
    if (utf16 === undefined && buffer.includes(0))
      utf16 = "it holds NUL bytes, as UTF-16 without a byte order mark does";
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
  longest = Math.max(longest, line);
  const facts: FileFacts = {
    encoding: isUtf8 ? "utf-8" : "cp932",
    sha256: hash.digest("hex"),
    bytes,
    plain: isUtf8 && utf16 === undefined && !quotesOrCr && longest <= MAX_RECORD_CHARACTERS,
  };
  return utf16 === undefined ? facts : { ...facts, utf16 };
}

function utf16Mark(start: Buffer): string | undefined {
  if (start[0] === 0xff && start[1] === 0xfe) return "byte order mark FF FE, little-endian";
  if (start[0] === 0xfe && start[1] === 0xff) return "byte order mark FE FF, big-endian";
  return undefined;
}

/** The problem reported for a UTF-16 file: what it is and how to save it as UTF-8. */
export function utf16Problem(how: string): string {
  return `this file is UTF-16 (${how}); Keiro reads UTF-8 or Shift_JIS. Save it as UTF-8: in Excel "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)", in LibreOffice "Character set: Unicode (UTF-8)", or convert it with \`iconv -f UTF-16 -t UTF-8 FILE > NEW\``;
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
