import { translate } from "../i18n/strings.ts";
import { EMPTY_STATE, type ExploreState, type Lang } from "../scenario/urlState.ts";

function Chips({
  label,
  items,
  onRemove,
  lang,
}: {
  label: string;
  items: string[];
  onRemove: (id: string) => void;
  lang: Lang;
}) {
  if (items.length === 0) return null;
  return (
    <section className="chips" aria-label={label}>
      <span>{label}:</span>
      {items.map((id) => (
        <button
          type="button"
          key={id}
          className="chip"
          onClick={() => onRemove(id)}
          title={translate(lang, "restore")}
        >
          {id} ×
        </button>
      ))}
    </section>
  );
}

/** The what-if controls; every change lands in the URL and the answer follows. */
export function WhatIfPanel({
  state,
  update,
  lang,
}: {
  state: ExploreState;
  update: (change: Partial<ExploreState>) => void;
  lang: Lang;
}) {
  return (
    <section className="whatif" aria-label={translate(lang, "whatIf")}>
      <Chips
        label={translate(lang, "vendorsLabel")}
        items={state.vendors}
        onRemove={(id) => update({ vendors: state.vendors.filter((v) => v !== id) })}
        lang={lang}
      />
      <Chips
        label={translate(lang, "excludedContracts")}
        items={state.excludeContracts}
        onRemove={(id) => update({ excludeContracts: state.excludeContracts.filter((c) => c !== id) })}
        lang={lang}
      />
      <Chips
        label={translate(lang, "excludedOrgs")}
        items={state.excludeOrgs}
        onRemove={(id) => update({ excludeOrgs: state.excludeOrgs.filter((o) => o !== id) })}
        lang={lang}
      />
      <div className="controls">
        <label>
          {translate(lang, "maxDepth")}
          <input
            type="number"
            min={1}
            value={state.maxDepth}
            onChange={(e) => update({ maxDepth: e.target.value })}
            style={{ width: "4em" }}
          />
        </label>
        <label>
          {translate(lang, "asOf")}
          <input
            type="date"
            value={state.asOf}
            onChange={(e) =>
              update({ asOf: e.target.value, retention: e.target.value ? state.retention : false })
            }
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={state.retention}
            disabled={!state.asOf}
            onChange={(e) => update({ retention: e.target.checked })}
          />
          {translate(lang, "retention")}
        </label>
        {state.vendors.length > 0 && (
          <button
            type="button"
            onClick={() => update({ ...EMPTY_STATE, lang: state.lang, view: state.view })}
          >
            {translate(lang, "clear")}
          </button>
        )}
      </div>
    </section>
  );
}
