import { useMemo, useState } from "react";
import type { AffectedOrganisation } from "../../../domain/index.ts";
import { useLanguage } from "../i18n/language.tsx";
import { formatNumber, type StringKey } from "../i18n/strings.ts";

type SortKey = "name" | "kind" | "region" | "depth" | "records" | "subjects";
const COLUMNS: { key: SortKey; label: StringKey; numeric: boolean }[] = [
  { key: "name", label: "name", numeric: false },
  { key: "kind", label: "kind", numeric: false },
  { key: "region", label: "region", numeric: false },
  { key: "depth", label: "depth", numeric: true },
  { key: "records", label: "records", numeric: true },
  { key: "subjects", label: "persons", numeric: true },
];

export function sortAffected(
  rows: AffectedOrganisation[],
  key: SortKey,
  descending: boolean,
): AffectedOrganisation[] {
  const value = (a: AffectedOrganisation) => (key === "name" ? a.name : a[key]);
  return [...rows].sort((a, b) => {
    const x = value(a) ?? "";
    const y = value(b) ?? "";
    const order =
      typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ja");
    return (descending ? -order : order) || a.id.localeCompare(b.id);
  });
}

/** Rows rendered at first and per "show more": thousands of table rows cost seconds of layout. */
export const TABLE_PAGE = 200;

/** The affected organisations, sortable; choosing a row focuses its node and draws its chain. */
export function AffectedTable({
  rows,
  focus,
  onSelect,
}: {
  rows: AffectedOrganisation[];
  focus: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, orgLabel, kind } = useLanguage();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "records",
    descending: true,
  });
  const sorted = useMemo(() => sortAffected(rows, sort.key, sort.descending), [rows, sort]);
  const [shown, setShown] = useState(TABLE_PAGE);
  // The focused organisation is always in the table, however far down it sorts.
  const focusAt = focus === null ? -1 : sorted.findIndex((a) => a.id === focus);
  const visible = sorted.slice(0, Math.max(shown, focusAt + 1));
  return (
    <>
      <table className="affected" data-testid="affected-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? "n" : undefined}
                aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : "none"}
              >
                <button
                  type="button"
                  onClick={() =>
                    setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : c.numeric })
                  }
                >
                  {t(c.label)}
                  {sort.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((a) => (
            <tr key={a.id} className={a.id === focus ? "selected" : undefined} data-id={a.id}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(a.id)}>
                  {orgLabel(a)}
                </button>
              </td>
              <td>{kind(a.kind)}</td>
              <td>{a.region}</td>
              <td className="n">{a.depth}</td>
              <td className="n">{formatNumber(a.records, a.undisclosed > 0)}</td>
              <td className="n">{formatNumber(a.subjects)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length < sorted.length && (
        <button type="button" className="more" onClick={() => setShown(visible.length + TABLE_PAGE)}>
          {t("showMoreRows", {
            more: formatNumber(Math.min(TABLE_PAGE, sorted.length - visible.length)),
            shown: formatNumber(visible.length),
            total: formatNumber(sorted.length),
          })}
        </button>
      )}
    </>
  );
}
