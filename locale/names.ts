import type { Lang } from "./words.ts";

interface Named {
  id: string;
  name?: string | null;
  nameEn?: string | null;
}

/** An organisation's name in a language, for a sentence: the English name in English where known. */
export function nameIn(lang: Lang, org: Named): string {
  return (lang === "en" && org.nameEn) || org.name || org.id;
}

/** A name already in parentheses, either kind: "（イセトーの封入・封緘再委託先）", a register's unnamed organisation. */
const BRACKETED = /^[(（].*[)）]$/u;

/**
 * A name as a list shows it: in the chosen language, with the other one beside it where known, in
 * parentheses unless it already stands in its own (never "((…))").
 */
export function labelIn(lang: Lang, org: Named): string {
  if (!org.name) return org.id;
  if (!org.nameEn) return org.name;
  const [first, second] = lang === "ja" ? [org.name, org.nameEn] : [org.nameEn, org.name];
  if (BRACKETED.test(second)) return `${first} ${second}`;
  return lang === "ja" ? `${first}（${second}）` : `${first} (${second})`;
}
