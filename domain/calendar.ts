import { parsePartialDate } from "./dates.ts";
import { ParameterError } from "./scenario.ts";

/**
 * Calendar days (`YYYY-MM-DD`), as the breach-response clocks count them: no time zone of their
 * own; today is today in Japan.
 */

const utc = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** A calendar day plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(utc(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Today in Japan (UTC+9 all year: Japan keeps no daylight saving time). */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Days left from `today` to a deadline (negative: passed); null when there is no deadline. */
export function daysLeft(today: string, deadline: string | null | undefined): number | null {
  return deadline === null || deadline === undefined ? null : daysBetween(today, deadline);
}

/** A full calendar day (`YYYY-MM-DD`), or undefined for a partial date or anything else. */
export function fullDay(text: string): string | undefined {
  const date = parsePartialDate(text);
  return date && date.firstDay === date.lastDay ? date.firstDay : undefined;
}

/** A full calendar day given by a user (`--aware`, `--today`); partial dates are refused. */
export function parseDay(parameter: string, text: string): string {
  const day = fullDay(text);
  if (day === undefined)
    throw new ParameterError(parameter, `${parameter}: "${text}" is not a day (YYYY-MM-DD)`);
  return day;
}

export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day of the week of a calendar day. */
function weekdayOf(day: string): Weekday {
  return WEEKDAYS[new Date(utc(day)).getUTCDay()] as Weekday;
}

/** Japan's national holidays from a maintained calendar, and the last day it covers. */
export interface NationalHolidays {
  days: ReadonlySet<string>;
  knownThrough: string;
}

/** Whether any of these days is later than the holiday calendar knows (then answers say so). */
export function beyondHolidayCalendar(knownThrough: string, days: readonly (string | null | undefined)[]) {
  return days.some((d) => typeof d === "string" && d > knownThrough);
}

/**
 * The days offices are closed (行政機関の休日): weekdays such as Saturday and Sunday, dates every
 * year such as 29 December to 3 January, and national holidays (a day after the calendar's last
 * is judged without holidays: answers say so with `beyondHolidayCalendar`).
 */
export interface ClosedDays {
  weekdays: readonly Weekday[];
  /** `MM-DD`. */
  datesEveryYear: readonly string[];
  holidays: ReadonlySet<string>;
}

export function isClosed(closed: ClosedDays, day: string): boolean {
  return (
    closed.weekdays.includes(weekdayOf(day)) ||
    closed.datesEveryYear.includes(day.slice(5)) ||
    closed.holidays.has(day)
  );
}

/**
 * The Nth day counting `start` as day 1 (start + N − 1), moved to the next open day when it falls
 * on a closed one (PPC guidelines 3-5-3-4: a time limit whose last day is a closed day ends on the
 * next open day).
 */
export function nthDayOpen(closed: ClosedDays, start: string, n: number): string {
  let day = addDays(start, n - 1);
  // A run of closed days is at most a week or two (the year end with a weekend): bounded anyway.
  for (let i = 0; i < 366 && isClosed(closed, day); i++) day = addDays(day, 1);
  return day;
}
