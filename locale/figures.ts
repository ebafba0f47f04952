import type { UndisclosedEstimate } from "../domain/estimate.ts";
import { fill, type Lang, WORDS } from "./words.ts";

/**
 * How counts are written for a person, in every place alike: a count some of whose parts are
 * undisclosed is a lower bound (≥) and says how many it leaves out; a count none of whose parts
 * is known is the word for undisclosed, never "≥ 0" and never a bare 0.
 */

/** Numbers with thousands separators; a lower bound with ≥. */
export function formatNumber(value: number, lowerBound = false): string {
  const text = value.toLocaleString("en-US");
  return lowerBound ? `≥ ${text}` : text;
}

/** A count as tables show it: "1,234", "≥ 1,234", or the word for undisclosed when nothing is known. */
export function countIn(lang: Lang, value: number, undisclosed = 0): string {
  if (undisclosed > 0 && value === 0) return WORDS[lang].figures.undisclosed;
  return formatNumber(value, undisclosed > 0);
}

/** A single count that may be unknown (null): the number, or the word for undisclosed. */
export function knownCountIn(lang: Lang, value: number | null | undefined): string {
  return value === null || value === undefined ? WORDS[lang].figures.undisclosed : formatNumber(value);
}

/** A figure split for display: the number (or the word for undisclosed) and what it leaves out. */
export interface FigureParts {
  /** "1,234", "≥ 1,234", or "undisclosed" / "非公表" when nothing of it is known. */
  value: string;
  /** "(+ 3 undisclosed)" / "（非公表の契約 3 件を除く）" when a known part leaves undisclosed ones out. */
  note: string | null;
  /** The note in a sentence, for a tooltip. */
  title: string | null;
}

/** A count with `undisclosed` unknown parts, in parts for display. */
export function figureParts(lang: Lang, value: number, undisclosed = 0): FigureParts {
  if (undisclosed <= 0) return { value: formatNumber(value), note: null, title: null };
  const words = WORDS[lang].figures;
  if (value === 0) return { value: words.undisclosed, note: null, title: null };
  const n = formatNumber(undisclosed);
  return {
    value: formatNumber(value, true),
    note: fill(words.undisclosedNote, { n }),
    title: fill(words.undisclosedNoteTitle, { n }),
  };
}

/** The figure as one string: "≥ 1,234 (+ 3 undisclosed)", "≥ 1,234（非公表の契約 3 件を除く）", "非公表". */
export function figureIn(lang: Lang, value: number, undisclosed = 0): string {
  const { value: text, note } = figureParts(lang, value, undisclosed);
  if (!note) return text;
  return lang === "ja" ? `${text}${note}` : `${text} ${note}`;
}

/**
 * A figure in few characters for a narrow place ("≥ 65.5M", "≥ 6553万", "1.2K"): rounded down, so
 * that a lower bound stays one; "undisclosed" when nothing of it is known.
 */
export function compactFigureIn(lang: Lang, value: number, undisclosed = 0): string {
  if (undisclosed > 0 && value === 0) return WORDS[lang].figures.undisclosed;
  const text = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
    roundingMode: "floor",
  } as Intl.NumberFormatOptions).format(value);
  return undisclosed > 0 ? `≥ ${text}` : text;
}

/**
 * A count with its unit in a sentence: exact, a lower bound naming how many of `total` contracts
 * leave it out, or undisclosed when none says it.
 */
export function countWithUnitIn(
  lang: Lang,
  value: number,
  undisclosed: number,
  total: number,
  unit: "recordsUnit" | "personsUnit",
): string {
  const { packet, figures } = WORDS[lang];
  const n = formatNumber(value);
  if (undisclosed === 0) return fill(packet.exactly, { n, unit: figures[unit] });
  if (undisclosed === total && value === 0) return figures.undisclosed;
  return fill(packet.atLeast, { n, unit: figures[unit], u: undisclosed });
}

/**
 * What a what-if's difference leaves out: contracts with undisclosed records that drop out (or come
 * in), so the true difference may be larger; null when none do. Reports and the explorer say it alike.
 */
export function undisclosedChangeIn(lang: Lang, undisclosedContracts: number): string | null {
  if (undisclosedContracts === 0) return null;
  const w = WORDS[lang].report;
  const n = formatNumber(Math.abs(undisclosedContracts));
  return fill(undisclosedContracts < 0 ? w.undisclosedDropOut : w.undisclosedComeIn, { n });
}

/**
 * Days left to a deadline (negative: overdue); "—" when there is no deadline. A guide (目安, the
 * 速報's day) is never "overdue" once passed: the report is still due promptly, so it says how long ago.
 */
export function daysLeftIn(lang: Lang, days: number | null, guide = false): string {
  if (days === null) return "—";
  const words = WORDS[lang].figures;
  if (days === 0) return words.dueToday;
  if (days > 0) return fill(words.daysLeft, { n: days });
  return fill(guide ? words.guidePassed : words.overdue, { n: -days });
}

/**
 * An estimate of the undisclosed as one line — its label with the peers it drew from, and the
 * range p10–p90 with the median — or null when nothing was drawn (nothing undisclosed: the
 * figure is exact) or there is no estimate.
 */
export function estimateIn(
  lang: Lang,
  estimate: UndisclosedEstimate | null | undefined,
  which: "records" | "subjects",
): { label: string; range: string } | null {
  if (!estimate || estimate.draws === 0) return null;
  const w = WORDS[lang].figures;
  const { p10, p50, p90 } = estimate[which];
  return {
    label: fill(w.estimateLabel, { n: formatNumber(estimate.peerCount) }),
    range: fill(w.estimateRange, { p10: formatNumber(p10), p50: formatNumber(p50), p90: formatNumber(p90) }),
  };
}
