import {
  EXPOSURE_STATUSES,
  type ExposureStatus,
  fullDay,
  isValidId,
  KIND_PATTERN,
  type PartialDate,
  parseCount,
  parsePartialDate,
} from "../domain/index.ts";
import type { CsvRecord } from "./readCsv.ts";

const notAnId = (column: string, value: string) =>
  `${column}: "${value}" is not a valid id (1–128 characters of A-Z a-z 0-9 . _ : -)`;

/**
 * Reads typed fields out of one CSV record, collecting every problem with its column name
 * instead of stopping at the first one.
 */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly record: CsvRecord) {}

  get line(): number {
    return this.record.line;
  }

  /** Free text; empty → null, or a problem when the column is required. */
  text(column: string, required = false): string | null {
    const value = this.record.cell(column);
    if (value === "") {
      if (required) this.problems.push(`${column}: missing value`);
      return null;
    }
    return value;
  }

  /** A required id. */
  id(column: string): string {
    const value = this.record.cell(column);
    if (value === "") this.problems.push(`${column}: missing value`);
    else if (!isValidId(value)) {
      this.problems.push(notAnId(column, value));
    }
    return value;
  }

  count(column: string): number | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const parsed = parseCount(value);
    if (parsed.ok) return parsed.value;
    this.problems.push(`${column}: ${parsed.problem}`);
    return null;
  }

  date(column: string): PartialDate | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const parsed = parsePartialDate(value);
    if (!parsed) this.problems.push(`${column}: "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    return parsed ?? null;
  }

  /** A full day, `YYYY-MM-DD` (a period such as `2024-06` is refused): the day something happened. */
  day(column: string): string | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    const day = fullDay(value);
    if (day !== undefined) return day;
    this.problems.push(`${column}: "${value}" is not a full date (YYYY-MM-DD)`);
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
      else this.problems.push(notAnId(column, id));
    }
    return [...ids];
  }

  kind(column: string): string | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    if (!KIND_PATTERN.test(value)) this.problems.push(`${column}: "${value}" is not a lowercase token`);
    return value;
  }

  status(column: string): ExposureStatus | null {
    const value = this.record.cell(column);
    if (value === "") return null;
    if ((EXPOSURE_STATUSES as readonly string[]).includes(value)) return value as ExposureStatus;
    this.problems.push(`${column}: "${value}" is not one of ${EXPOSURE_STATUSES.join(", ")}`);
    return null;
  }
}
