import { createContext, type ReactNode, useContext } from "react";
import { type Lang, orgLabel, type StringKey, translate } from "./strings.ts";

/** What a component needs to speak the chosen language. */
export interface Language {
  lang: Lang;
  /** A string in this language, `{name}` placeholders filled from `vars`. */
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** An organisation's name in this language, with the other language's beside it. */
  orgLabel: (org: { id: string; name?: string | null; nameEn?: string | null }) => string;
}

function languageOf(lang: Lang): Language {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    orgLabel: (org) => orgLabel(lang, org),
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
