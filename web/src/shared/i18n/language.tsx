import { createContext, Fragment, type ReactNode, useContext } from "react";
import type { AwareFrom, Cause, ReportDecision, Role, Trigger } from "../../../../domain/index.ts";
import {
  daysLeftIn,
  figureIn,
  fillCount,
  knownCountIn,
  labelIn,
  nameIn,
  undisclosedChangeIn,
  WORDS,
} from "../../../../locale/index.ts";
import {
  dataWord,
  type FigureParts,
  figureParts,
  kindWord,
  type Lang,
  STRINGS,
  type StringKey,
  translate,
} from "./strings.ts";

type OrgNames = { id: string; name?: string | null; nameEn?: string | null };

/** What a component needs to speak the chosen language. */
export interface Language {
  lang: Lang;
  /** A string in this language, `{name}` placeholders filled from `vars`. */
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** The string `one` when `count` is exactly 1, else `many`, placeholders filled from `vars`. */
  tCount: (count: number, one: StringKey, many: StringKey, vars?: Record<string, string | number>) => string;
  /** A string in this language whose placeholders are elements (links, buttons, code). */
  rich: (key: StringKey, vars: Record<string, ReactNode>) => ReactNode;
  /** An organisation's name in this language, with the other language's beside it. */
  orgLabel: (org: OrgNames) => string;
  /** An organisation's name in this language alone, for a sentence. */
  orgName: (org: OrgNames) => string;
  /** The word for a kind of organisation (`print_mail_vendor`); an unknown kind as written. */
  kind: (kind: string | null | undefined) => string;
  /** A word of the data (an exposure's status, an incident's kind) in this language; others as written. */
  word: (word: string | null | undefined) => string;
  /** A count with `undisclosed` unknown parts, in parts for display (see `figureParts`). */
  figureParts: (value: number, undisclosed?: number) => FigureParts;
  /** The same as one string: "≥ 1,234 (+ 3 undisclosed)", "非公表", "1,234". */
  figure: (value: number, undisclosed?: number) => string;
  /** A single count that may be unknown (null): the number or "undisclosed". */
  count: (value: number | null | undefined) => string;
  /** Breach response's terms: a decision, a role, a trigger, a cause. */
  decision: (decision: ReportDecision) => string;
  /** The decision on data entrusted to a contractor (never "not required": not a reportable situation). */
  entrustedDecision: (decision: ReportDecision) => string;
  /** Where an aware day comes from: recorded, or the earliest possible. */
  awareFrom: (from: AwareFrom) => string;
  role: (role: Role) => string;
  trigger: (trigger: Trigger) => string;
  cause: (cause: Cause) => string;
  /** What a what-if's difference leaves out (contracts with undisclosed records); null when nothing. */
  undisclosedChange: (undisclosedContracts: number) => string | null;
  /** Days left to a deadline (negative: overdue). */
  daysLeft: (days: number | null, guide?: boolean) => string;
}

/** Splits a template at its `{name}` placeholders and puts the elements in their places. */
function fill(template: string, vars: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{(\w+)\}/);
  return parts.map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one template never move.
    i % 2 === 1 ? <Fragment key={i}>{part in vars ? vars[part] : `{${part}}`}</Fragment> : part,
  );
}

function languageOf(lang: Lang): Language {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tCount: (count, one, many, vars) => fillCount(count, STRINGS[lang][one], STRINGS[lang][many], vars),
    rich: (key, vars) => fill(STRINGS[lang][key], vars),
    orgLabel: (org) => labelIn(lang, org),
    orgName: (org) => nameIn(lang, org),
    kind: (kind) => kindWord(lang, kind),
    word: (word) => dataWord(lang, word),
    figureParts: (value, undisclosed) => figureParts(lang, value, undisclosed),
    figure: (value, undisclosed) => figureIn(lang, value, undisclosed),
    count: (value) => knownCountIn(lang, value),
    decision: (decision) => WORDS[lang].decisions[decision],
    entrustedDecision: (decision) => WORDS[lang].entrustedDecisions[decision],
    awareFrom: (from) => WORDS[lang].awareFrom[from],
    role: (role) => WORDS[lang].roles[role],
    trigger: (trigger) => WORDS[lang].triggers[trigger],
    cause: (cause) => WORDS[lang].causes[cause],
    undisclosedChange: (n) => undisclosedChangeIn(lang, n),
    daysLeft: (days, guide) => daysLeftIn(lang, days, guide),
  };
}

/** One object per language, so that a component re-renders only when the language changes. */
const LANGUAGES: Record<Lang, Language> = { ja: languageOf("ja"), en: languageOf("en") };

const LanguageContext = createContext<Language>(LANGUAGES.ja);

/** Gives every component below the language; the URL's `lang` (the explore state) decides it. */
export function LanguageProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LanguageContext value={LANGUAGES[lang]}>{children}</LanguageContext>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}
