import { useLookup } from "../graph/lookup.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import type { UpdateState } from "../shared/state/actions.ts";
import { EMPTY_STATE, type ExploreState } from "../shared/state/urlState.ts";

function Chips({
  label,
  items,
  onRemove,
  name = (id) => id,
}: {
  label: string;
  items: string[];
  onRemove: (id: string) => void;
  /** How a chip names its item: organisations by name where the graph knows it. */
  name?: (id: string) => string;
}) {
  const { t } = useLanguage();
  if (items.length === 0) return null;
  return (
    <section className="chips" aria-label={label}>
      <span>{label}:</span>
      {items.map((id) => (
        <button
          type="button"
          key={id}
          className="chip"
          data-id={id}
          onClick={() => onRemove(id)}
          title={t("restore")}
          aria-label={`${t("restore")}${t("reasonSeparator")}${name(id)}`}
        >
          {name(id)} ×
        </button>
      ))}
    </section>
  );
}

/** The what-if controls; every change lands in the URL and the answer follows. */
export function WhatIfPanel({ state, update }: { state: ExploreState; update: UpdateState }) {
  const { t, orgName } = useLanguage();
  const lookup = useLookup();
  const org = (id: string) => orgName(lookup.org(id));
  return (
    <section className="whatif" aria-label={t("whatIf")}>
      <Chips
        label={t("vendorsLabel")}
        items={state.compromised}
        name={org}
        onRemove={(id) => update({ compromised: state.compromised.filter((v) => v !== id) })}
      />
      <Chips
        label={t("excludedContracts")}
        items={state.excludedContracts}
        onRemove={(id) => update({ excludedContracts: state.excludedContracts.filter((c) => c !== id) })}
      />
      <Chips
        label={t("excludedOrgs")}
        items={state.excludedOrganisations}
        name={org}
        onRemove={(id) =>
          update({ excludedOrganisations: state.excludedOrganisations.filter((o) => o !== id) })
        }
      />
      <div className="controls">
        <label>
          {t("maxDepth")}
          <input
            type="number"
            min={1}
            value={state.maxDepth}
            onChange={(e) => update({ maxDepth: e.target.value })}
            style={{ width: "4em" }}
          />
        </label>
        <label>
          {t("asOf")}
          <input
            type="date"
            value={state.asOf}
            onChange={(e) =>
              update({
                asOf: e.target.value,
                enforceRetention: e.target.value ? state.enforceRetention : false,
              })
            }
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={state.enforceRetention}
            disabled={!state.asOf}
            onChange={(e) => update({ enforceRetention: e.target.checked })}
          />
          {t("retention")}
        </label>
        <label>
          <input
            type="checkbox"
            checked={state.confirmedOnly}
            data-testid="confirmed-only"
            onChange={(e) => update({ confirmedOnly: e.target.checked })}
          />
          {t("confirmedOnly")}
        </label>
        {state.compromised.length > 0 && (
          <button
            type="button"
            onClick={() => update({ ...EMPTY_STATE, lang: state.lang, view: state.view })}
          >
            {t("clear")}
          </button>
        )}
      </div>
    </section>
  );
}
