import { type Parameter, parseChoice } from "../domain/index.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";

/**
 * The one vocabulary: every word shown to a person, one table per language (ja.ts, en.ts), read
 * by the explorer, the reports and the packets alike. Japanese unless asked otherwise.
 */
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
export type Vocabulary = typeof ja;

export const WORDS: Record<Lang, Vocabulary> = { ja, en };

/** The language a report or packet is written in, as a parameter of every command and route. */
export const LANG_PARAMETER: Parameter = {
  name: "lang",
  kind: "choice",
  choices: LANGS,
  help: "ja (default) or en: the words, kinds and organisation names of what is written",
};

/** `--lang` / `?lang=`: ja (the default) or en; anything else is refused by name. */
export function parseLang(text: string | undefined, parameter = "lang"): Lang {
  return text === undefined || text === "" ? "ja" : parseChoice(parameter, text, LANGS);
}

/** A template with its `{name}` placeholders filled; a placeholder without a value stays as written. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** A template in the singular when the count is exactly one, else the plural one, filled. */
export function fillCount(
  count: number,
  one: string,
  many: string,
  values: Record<string, string | number> = {},
): string {
  return fill(count === 1 ? one : many, values);
}

/** The word for a token of a table (a kind, a status, a category); a token it lacks, as written. */
export function wordFor(
  table: Record<string, string>,
  token: string | null | undefined,
  unknown = "",
): string {
  if (token === null || token === undefined || token === "") return unknown;
  return table[token] ?? token;
}
