import holidays from "@holiday-jp/holiday_jp/lib/holidays.js";

/**
 * Japan's national holidays (国民の祝日, their substitute holidays and 国民の休日) from a maintained
 * calendar, @holiday-jp/holiday_jp, whose data follows the Cabinet Office's list; and the last day
 * it covers (the end of its last year), after which a day is judged without holidays.
 */
const days = new Set(Object.keys(holidays as Record<string, unknown>));
const lastYear = [...days].reduce((year, day) => (day.slice(0, 4) > year ? day.slice(0, 4) : year), "0000");

export const NATIONAL_HOLIDAYS: { days: ReadonlySet<string>; knownThrough: string } = {
  days,
  knownThrough: `${lastYear}-12-31`,
};
