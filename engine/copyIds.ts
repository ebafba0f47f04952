/** Ids by number, read one at a time: a plain string[] is one, the copy's packed ids another. */
export interface IdList {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * Ids kept as UTF-8 in one buffer (copyTransfer.ts's PackedStrings), each decoded when it is read:
 * 10M contract ids as JS strings took ~40 bytes each (a string's header, its characters rounded
 * up, its slot in the array); packed, their bytes and an end offset. An answer reads the ids of
 * the contracts it spells out, a few thousand at most for a listed answer.
 */
export class PackedIds implements IdList {
  private readonly reader: Buffer;

  constructor(
    bytes: Uint8Array,
    private readonly ends: Int32Array,
  ) {
    this.reader = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.ends.length;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.ends.length)) return undefined;
    return this.reader.toString("utf8", index === 0 ? 0 : (this.ends[index - 1] as number), this.ends[index]);
  }

  private bytewise: boolean | undefined;

  /**
   * How id `index` orders against `target` (its UTF-8 bytes), as byCodeUnits would order the
   * strings, or null when bytes cannot tell: UTF-8's byte order is UTF-16's code-unit order except
   * for characters at or above U+E000 (lead bytes 0xEE–0xF4), so ids holding one are decoded. A
   * lookup then decodes nothing (a packet book looks up every contract of a radius by id).
   */
  compareAt(index: number, target: Buffer): number | null {
    this.bytewise ??= !this.reader.some((byte) => byte >= 0xee);
    if (!this.bytewise) return null;
    const start = index === 0 ? 0 : (this.ends[index - 1] as number);
    return this.reader.compare(target, 0, target.length, start, this.ends[index]);
  }

  /** What the ids hold, in bytes (the bench's account of the copy). */
  get byteLength(): number {
    return this.reader.byteLength + this.ends.byteLength;
  }
}
