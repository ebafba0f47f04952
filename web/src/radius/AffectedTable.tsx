import { Fragment, type KeyboardEvent, useMemo, useState } from "react";
import {
  type AffectedOrganisation,
  type Changes,
  type CountedContract,
  undisclosedPersons,
} from "../../../domain/index.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber, type StringKey } from "../shared/i18n/strings.ts";
import { Figure } from "../shared/widgets/Figure.tsx";

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

/**
 * A key pressed on a table row: Enter (or Space) focuses its organisation, the arrows move to the
 * row above or below. Returns whether the key was handled.
 */
export function rowKey(
  key: string,
  id: string,
  onSelect: (id: string) => void,
  row?: HTMLElement | null,
): boolean {
  if (key === "Enter" || key === " ") {
    onSelect(id);
    return true;
  }
  if (key === "ArrowDown" || key === "ArrowUp") {
    const next = key === "ArrowDown" ? row?.nextElementSibling : row?.previousElementSibling;
    if (next && "focus" in next) (next as HTMLElement).focus();
    return true;
  }
  return false;
}

/** "Gifu/Shizuoka/Aichi/Mie" may break after each slash, never inside a name. */
function Breakable({ text }: { text: string }) {
  const parts = text.split("/");
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move.
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

/** Rows rendered at first and per "show more": thousands of table rows cost seconds of layout. */
export const TABLE_PAGE = 200;

/** The affected organisations, sortable; choosing a row focuses its node and draws its chain. */
export function AffectedTable({
  rows,
  contracts = [],
  focus,
  onSelect,
  changes = null,
}: {
  rows: AffectedOrganisation[];
  /** The counted contracts: an organisation's persons are undisclosed on those it entrusts without a count. */
  contracts?: CountedContract[];
  focus: string | null;
  onSelect: (id: string) => void;
  /** Since an earlier answer: rows of organisations that entered, or whose figures changed, are marked. */
  changes?: Changes | null;
}) {
  const { t, orgLabel, kind } = useLanguage();
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    // Keys pressed on the name's button are the button's (Enter clicks it).
    if (e.target !== e.currentTarget) return;
    if (rowKey(e.key, id, onSelect, e.currentTarget)) e.preventDefault();
  };
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "records",
    descending: true,
  });
  const personsUnknown = useMemo(() => undisclosedPersons(contracts), [contracts]);
  const entered = useMemo(() => new Set(changes?.entered ?? []), [changes]);
  const changed = useMemo(() => new Map((changes?.changed ?? []).map((c) => [c.id, c])), [changes]);
  const sorted = useMemo(() => sortAffected(rows, sort.key, sort.descending), [rows, sort]);
  const [shown, setShown] = useState(TABLE_PAGE);
  // The focused organisation is always in the table, however far down it sorts.
  const focusAt = focus === null ? -1 : sorted.findIndex((a) => a.id === focus);
  const visible = sorted.slice(0, Math.max(shown, focusAt + 1));
  return (
    <>
      <table className="affected" data-testid="affected-table">
        <colgroup>
          <col className="c-name" />
          <col className="c-kind" />
          <col className="c-region" />
          <col className="c-depth" />
          <col className="c-records" />
          <col className="c-persons" />
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                className={c.numeric ? "n" : c.key}
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
            <tr
              key={a.id}
              className={a.id === focus ? "selected" : undefined}
              data-id={a.id}
              // A row is one stop of the keyboard: Enter focuses its organisation, arrows move.
              tabIndex={0}
              aria-selected={a.id === focus}
              onKeyDown={(e) => onRowKey(e, a.id)}
            >
              <td className="name">
                <button type="button" className="link" tabIndex={-1} onClick={() => onSelect(a.id)}>
                  {orgLabel(a)}
                </button>
                {entered.has(a.id) && (
                  <span className="badge entered" data-change="entered">
                    {t("changeEntered")}
                  </span>
                )}
                {changed.has(a.id) && (
                  <span
                    className="badge changed"
                    data-change="changed"
                    title={`${t("records")}: ${(changed.get(a.id)?.records ?? []).map((n) => formatNumber(n)).join(" → ")}`}
                  >
                    {t("changeChanged")}
                  </span>
                )}
                {a.confirmed === false && (
                  <span className="badge possible" data-possible-only="true" title={t("onlyPossibleNote")}>
                    {t("onlyPossible")}
                  </span>
                )}
              </td>
              <td className="kind">{kind(a.kind)}</td>
              <td className="region">{a.region && <Breakable text={a.region} />}</td>
              <td className="n">{a.depth}</td>
              <td className="n">
                <Figure value={a.records} undisclosed={a.undisclosed} />
              </td>
              <td className="n">
                <Figure value={a.subjects} undisclosed={personsUnknown.get(a.id) ?? 0} compact />
              </td>
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
