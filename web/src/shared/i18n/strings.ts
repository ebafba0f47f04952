import {
  compactFigureIn,
  type FigureParts,
  figureIn,
  figureParts,
  formatNumber,
  knownCountIn,
  type Lang,
  labelIn,
  nameIn,
  WORDS,
  wordFor,
} from "../../../../locale/index.ts";

/**
 * The explorer's access to the one vocabulary (locale/): its labels and sentences by key, and the
 * ways figures and names are written. No word is written here; every one is in locale/ja.ts and
 * locale/en.ts.
 */
export type { FigureParts, Lang };
export { figureParts, formatNumber };

/** The explorer's strings by key: its own, and the words of figures and lists. */
export const STRINGS = {
  ja: { ...WORDS.ja.figures, ...WORDS.ja.explorer },
  en: { ...WORDS.en.figures, ...WORDS.en.explorer },
};

export type StringKey = keyof (typeof STRINGS)["ja"];

export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  let text: string = STRINGS[lang][key];
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A word of the data (an exposure's status, an incident's kind); any other as written. */
export function dataWord(lang: Lang, word: string | null | undefined): string {
  return wordFor({ ...WORDS[lang].statuses, ...WORDS[lang].incidentKinds }, word);
}

export function kindWord(lang: Lang, kind: string | null | undefined): string {
  return wordFor(WORDS[lang].kinds, kind);
}

/** The figure as one string: "≥ 1,234 (+ 3 undisclosed)", "≥ 1,234（非公表の契約 3 件を除く）", "非公表". */
export const formatFigure = figureIn;
/** A single count that may be unknown (null): the number, or the word for undisclosed. */
export const formatCount = knownCountIn;
/** A figure in few characters for a narrow place ("≥ 65.5M"): rounded down, a lower bound stays one. */
export const compactFigure = compactFigureIn;
/** An organisation's name in one language, for a sentence. */
export const orgName = nameIn;
/** Japanese name with the English one where known (or the other way round in English). */
export const orgLabel = labelIn;
