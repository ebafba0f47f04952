import { SearchBox } from "./search/SearchBox.tsx";
import { useLanguage } from "./shared/i18n/language.tsx";
import type { View } from "./shared/state/urlState.ts";

/** Title, search, the four views and the language toggle. */
export function Header({
  view,
  onView,
  onToggleLanguage,
  onPick,
}: {
  view: View;
  onView: (view: View) => void;
  onToggleLanguage: () => void;
  onPick: (id: string) => void;
}) {
  const { t } = useLanguage();
  return (
    <header className="top">
      <h1>{t("title")}</h1>
      <SearchBox onPick={onPick} />
      <nav>
        <button type="button" aria-pressed={view === "graph"} onClick={() => onView("graph")}>
          {t("graph")}
        </button>
        <button type="button" aria-pressed={view === "rank"} onClick={() => onView("rank")}>
          {t("rank")}
        </button>
        <button type="button" aria-pressed={view === "response"} onClick={() => onView("response")}>
          {t("response")}
        </button>
        <button type="button" aria-pressed={view === "data"} onClick={() => onView("data")}>
          {t("data")}
        </button>
        <button type="button" onClick={onToggleLanguage} data-testid="language">
          {t("language")}
        </button>
      </nav>
    </header>
  );
}
