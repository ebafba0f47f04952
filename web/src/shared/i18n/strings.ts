import {
  type FigureParts,
  figureParts,
  fill,
  formatNumber,
  type Lang,
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
  return fill(STRINGS[lang][key], vars);
}

/** The words of the data by language: exposure statuses and incident kinds, in one table. */
const DATA_WORDS: Record<Lang, Record<string, string>> = {
  ja: { ...WORDS.ja.statuses, ...WORDS.ja.incidentKinds },
  en: { ...WORDS.en.statuses, ...WORDS.en.incidentKinds },
};

/** A word of the data (an exposure's status, an incident's kind); any other as written. */
export function dataWord(lang: Lang, word: string | null | undefined): string {
  return wordFor(DATA_WORDS[lang], word);
}

export function kindWord(lang: Lang, kind: string | null | undefined): string {
  return wordFor(WORDS[lang].kinds, kind);
}
