import { type DragEvent, useState } from "react";
import type { Changes, FigureChange } from "../../../domain/index.ts";
import { useLookup } from "../graph/lookup.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import type { ChangesState } from "./useChanges.ts";

/** How many of each list the panel names; the download of the whole answer has them all. */
const LISTED = 12;

type TotalKey = keyof Changes["totals"];
const TOTALS: [TotalKey, "affected" | "contracts" | "records" | "persons" | "undisclosedContracts"][] = [
  ["organisations", "affected"],
  ["contracts", "contracts"],
  ["records", "records"],
  ["subjects", "persons"],
  ["undisclosedContracts", "undisclosedContracts"],
];

function OrgList({
  ids,
  testId,
  onPick,
  detail,
}: {
  ids: string[];
  testId: string;
  onPick: (id: string) => void;
  detail?: (id: string) => string;
}) {
  const { t, orgName } = useLanguage();
  const lookup = useLookup();
  return (
    <ul className="change-list" data-testid={testId}>
      {ids.slice(0, LISTED).map((id) => (
        <li key={id} data-id={id}>
          <button type="button" className="link" onClick={() => onPick(id)}>
            {orgName(lookup.org(id))}
          </button>
          {detail && <span className="note"> {detail(id)}</span>}
        </li>
      ))}
      {ids.length > LISTED && (
        <li className="note">{t("andMoreOrgs", { n: formatNumber(ids.length - LISTED) })}</li>
      )}
    </ul>
  );
}

/**
 * Changes since an earlier answer the analyst kept: pick or drop its JSON; the API compares it with
 * the answer now for the same scenario (a different scenario is refused, in the API's words).
 */
export function ChangesPanel({
  state,
  onPick,
  personsLowerBound,
}: {
  state: ChangesState;
  onPick: (id: string) => void;
  /** Some contracts give no count of persons: persons then and now are lower bounds. */
  personsLowerBound: boolean;
}) {
  const { t, figure } = useLanguage();
  const [over, setOver] = useState(false);
  const { earlier, changes, loading, error } = state;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) state.pick(file);
  };
  const byId = new Map<string, FigureChange>((changes?.changed ?? []).map((c) => [c.id, c]));
  return (
    <section className="changes" aria-label={t("changesHeading")} data-testid="changes">
      <h3>{t("changesHeading")}</h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target beside the file input, which the keyboard reaches. */}
      <div
        className={over ? "drop over" : "drop"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label>
          {t("changesPick")}{" "}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="earlier-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) state.pick(file);
              e.target.value = "";
            }}
          />
        </label>
        {!earlier && <p className="note">{t("changesHint")}</p>}
      </div>
      {earlier && (
        <p>
          {t("changesSince", { file: earlier.name })}{" "}
          <button type="button" onClick={state.clear}>
            {t("changesClear")}
          </button>
        </p>
      )}
      {loading && <p role="status">{t("loading")}</p>}
      {error && (
        <p className="error" role="alert" data-testid="changes-error">
          {error}
        </p>
      )}
      {changes && (
        <>
          <p className="note">{t("changesLoaded", { loadedAt: changes.since.loadedAt ?? "?" })}</p>
          <table className="mini" data-testid="changes-totals">
            <tbody>
              {TOTALS.map(([key, label]) => {
                const [then, now] = changes.totals[key];
                const [unknownThen, unknownNow] = changes.totals.undisclosedContracts;
                const shown = (value: number, unknown: number) =>
                  key === "records"
                    ? figure(value, unknown)
                    : formatNumber(value, key === "subjects" && personsLowerBound);
                return (
                  <tr key={key} data-total={key}>
                    <th scope="row">{t(label)}</th>
                    <td className="n">{shown(then, unknownThen)}</td>
                    <td>→</td>
                    <td className="n">{shown(now, unknownNow)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h4>{t("changesEntered", { n: formatNumber(changes.entered.length) })}</h4>
          <OrgList ids={changes.entered} testId="changes-entered" onPick={onPick} />
          <h4>{t("changesLeft", { n: formatNumber(changes.left.length) })}</h4>
          <OrgList ids={changes.left} testId="changes-left" onPick={onPick} />
          <h4>{t("changesChanged", { n: formatNumber(changes.changed.length) })}</h4>
          <OrgList
            ids={changes.changed.map((c) => c.id)}
            testId="changes-changed"
            onPick={onPick}
            detail={(id) => {
              const c = byId.get(id);
              if (!c) return "";
              const [r0, r1] = c.records;
              const [u0, u1] = c.undisclosed;
              return `${figure(r0, u0)} → ${figure(r1, u1)}`;
            }}
          />
        </>
      )}
    </section>
  );
}
