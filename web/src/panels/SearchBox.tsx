import { useEffect, useId, useState } from "react";
import type { SearchResult } from "../../../domain/index.ts";
import { api } from "../api/client.ts";
import { orgLabel, translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

/** Type-ahead over ids and Japanese and English names; arrows and Enter pick. */
export function SearchBox({ lang, onPick }: { lang: Lang; onPick: (id: string) => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.search(q).then(
        (r) => {
          if (!live) return;
          setResults(r.results);
          setActive(0);
        },
        () => live && setResults([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const pick = (id: string) => {
    onPick(id);
    setQuery("");
    setResults([]);
  };
  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={translate(lang, "searchLabel")}
        aria-expanded={results.length > 0}
        aria-controls={listId}
        placeholder={translate(lang, "search")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && results[active]) pick(results[active].id);
          else if (e.key === "Escape") setResults([]);
        }}
      />
      {query.trim() !== "" && (
        <div id={listId} role="listbox" className="results">
          {results.length === 0 && <div className="note">{translate(lang, "noResults")}</div>}
          {results.map((r, i) => (
            <div
              key={r.id}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              data-id={r.id}
              onClick={() => pick(r.id)}
              onKeyDown={(e) => e.key === "Enter" && pick(r.id)}
            >
              {orgLabel(lang, r)} <code>{r.id}</code>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
