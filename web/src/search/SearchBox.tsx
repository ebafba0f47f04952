import { useEffect, useId, useRef, useState } from "react";
import type { SearchAnswer } from "../../../domain/index.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";
import { useLanguage } from "../shared/i18n/language.tsx";

/** Type-ahead over ids and Japanese and English names; arrows and Enter pick. */
export function SearchBox({ onPick }: { onPick: (id: string) => void }) {
  const { t, orgLabel } = useLanguage();
  const [query, setQuery] = useState("");
  const q = query.trim();
  // Asked once typing pauses; the results shown stay until the next ones arrive.
  const search = useApi(q === "" ? null : q, (signal) => api.search(q, signal), {
    keepPrevious: true,
    delayMs: 150,
  });
  const answer = search.error ? null : search.data;
  // Escape hides the results shown, until the next ones.
  const [dismissed, setDismissed] = useState<SearchAnswer | null>(null);
  const results = answer && answer !== dismissed ? answer.results : [];
  // The highlighted option, back to the first with every new answer.
  const [selection, setSelection] = useState<{ answer: SearchAnswer | null; index: number }>({
    answer: null,
    index: 0,
  });
  const active = selection.answer === answer ? selection.index : 0;
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  // "/" anywhere outside a field goes to the search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest("input, select, textarea")) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const pick = (id: string) => {
    onPick(id);
    setQuery("");
  };
  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={t("searchLabel")}
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="/"
        placeholder={t("search")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown")
            setSelection({ answer, index: Math.min(active + 1, results.length - 1) });
          else if (e.key === "ArrowUp") setSelection({ answer, index: Math.max(active - 1, 0) });
          else if (e.key === "Enter" && results[active]) pick(results[active].id);
          else if (e.key === "Escape") setDismissed(answer);
        }}
      />
      {query.trim() !== "" && (
        <div id={listId} role="listbox" className="results">
          {results.length === 0 && <div className="note">{t("noResults")}</div>}
          {results.map((r, i) => (
            <div
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              data-id={r.id}
              onClick={() => pick(r.id)}
              onKeyDown={(e) => e.key === "Enter" && pick(r.id)}
            >
              {orgLabel(r)} <code>{r.id}</code>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
