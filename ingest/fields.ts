import {
  CONFIDENCES,
  type Confidence,
  EXPOSURE_STATUSES,
  type ExposureStatus,
  fullDay,
  isValidId,
  KIND_PATTERN,
  type PartialDate,
  parseCount,
  parsePartialDate,
  tokenOf,
  wordOf,
} from "../domain/index.ts";
import type { CsvRecord } from "./readCsv.ts";

const notAnId = (column: string, value: string) =>
  `${column}: "${value}" is not a valid id (1–128 characters of A-Z a-z 0-9 . _ : -)`;

/**
 * Reads typed fields out of one CSV record, collecting every problem with its column named as
 * the file's header names it (English or Japanese) instead of stopping at the first one.
 */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly record: CsvRecord) {}

  get line(): number {
    return this.record.line;
  }

  /** The record's place in the file, the header being 1. */
  get ordinal(): number {
    return this.record.ordinal;
  }

  /** Free text; empty → null, or a problem when the column is required. */
  text(column: string, required = false): string | null {
    const value = this.record.cell(column);
    if (value === "") {
      if (required) this.problems.push(`${this.record.header(column)}: missing value`);
      return null;
    }
    return value;
  }

  /** A required id. */
  id(column: string): string {
    const value = this.record.cell(column);
    if (value === "") this.problems.push(`${this.record.header(column)}: missing value`);
    else if (!isValidId(value)) {
      this.problems.push(notAnId(this.record.header(column), value));
    }
    return value;
  }

  count(column: string): number | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const parsed = parseCount(value);
    if (parsed.ok) return parsed.value;
    this.problems.push(`${this.record.header(column)}: ${parsed.problem}`);
    return null;
  }

  date(column: string): PartialDate | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const parsed = parsePartialDate(value);
    if (!parsed)
      this.problems.push(
        `${this.record.header(column)}: "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`,
      );
    return parsed ?? null;
  }

  /** A full day, `YYYY-MM-DD` (a period such as `2024-06` is refused): the day something happened. */
  day(column: string): string | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const day = fullDay(value);
    if (day !== undefined) return day;
    this.problems.push(`${this.record.header(column)}: "${value}" is not a full date (YYYY-MM-DD)`);
    return null;
  }

  categories(column: string): string[] {
    return this.record
      .cell(column)
      .split(";")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }

  /** A `;`-separated list of ids (empty: none); an invalid id is a problem and left out. */
  ids(column: string): string[] {
    const ids = new Set<string>();
    for (const id of this.categories(column)) {
      if (isValidId(id)) ids.add(id);
      else this.problems.push(notAnId(this.record.header(column), id));
    }
    return [...ids];
  }

  /** A lowercase token, or the Japanese word for a known kind. */
  kind(column: string): string | null {
    const written = this.record.cell(column);
    if (written === "") return null;
    const value = tokenOf("kind", written);
    if (!KIND_PATTERN.test(value))
      this.problems.push(
        `${this.record.header(column)}: "${value}" is neither a lowercase token nor a kind's Japanese word (docs/data-format.md)`,
      );
    return value;
  }

  status(column: string): ExposureStatus | null {
    return this.choice(column, "status", EXPOSURE_STATUSES);
  }

  /** A contract's confidence; empty means confirmed. */
  confidence(column: string): Confidence {
    return this.choice(column, "confidence", CONFIDENCES) ?? "confirmed";
  }

  /** One of a list of tokens, or its Japanese word (domain/register.ts). */
  private choice<T extends string>(
    column: string,
    list: "status" | "confidence",
    tokens: readonly T[],
  ): T | null {
    const written = this.record.cell(column);
    if (written === "") return null;
    const value = tokenOf(list, written);
    if ((tokens as readonly string[]).includes(value)) return value as T;
    const named = tokens.map((token) => `${token} (${wordOf(list, token)})`).join(", ");
    this.problems.push(`${this.record.header(column)}: "${written}" is not one of ${named}`);
    return null;
  }
}
