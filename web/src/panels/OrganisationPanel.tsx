import type { AffectedOrganisation, ContractRow } from "../../../domain/index.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/useApi.ts";
import { useLanguage } from "../i18n/language.tsx";
import { formatNumber } from "../i18n/strings.ts";

/** What the panel's buttons do (the scenario's actions, and expanding the neighbourhood). */
export interface OrganisationActions {
  compromiseOnly: (id: string) => void;
  addCompromised: (id: string) => void;
  excludeOrganisation: (id: string) => void;
  excludeContract: (id: string) => void;
  expand: (id: string) => void;
  close: () => void;
}

function Source({ text }: { text?: string | null }) {
  if (!text) return null;
  return (
    <span className="source">
      {text.split(" ; ").map((part) => {
        const url = /^(https?:\/\/\S+)(.*)$/.exec(part);
        return url ? (
          <a key={part} href={url[1]} target="_blank" rel="noreferrer">
            {new URL(url[1] as string).hostname}
          </a>
        ) : (
          <span key={part}>{part} </span>
        );
      })}
    </span>
  );
}

function Contracts({
  rows,
  total,
  onExclude,
  excluded,
}: {
  rows: ContractRow[];
  total: number;
  onExclude: (id: string) => void;
  excluded: string[];
}) {
  const { t } = useLanguage();
  return (
    <ul className="contracts">
      {rows.map((c) => (
        <li key={c.id} data-contract={c.id}>
          <strong>{c.counterpartName}</strong> <code>{c.id}</code>
          <div>
            {c.service} · {t("records")}{" "}
            {c.records === null || c.records === undefined ? "?" : formatNumber(c.records)}
            {c.since && ` · ${t("since")} ${c.since}`}
            {c.until && ` · ${t("until")} ${c.until}`}
            {c.deleteBy && ` · ${t("deleteBy")} ${c.deleteBy}`}
          </div>
          <Source text={c.source} />
          {!excluded.includes(c.id) && (
            <button type="button" onClick={() => onExclude(c.id)}>
              {t("excludeContract")}
            </button>
          )}
        </li>
      ))}
      {total > rows.length && <li className="note">+ {formatNumber(total - rows.length)}</li>}
    </ul>
  );
}

/** One organisation: facts, contracts in and out, incidents and reports, and what to do with it. */
export function OrganisationPanel({
  id,
  affected,
  actions,
  excludedContracts,
}: {
  id: string;
  affected: AffectedOrganisation | undefined;
  actions: OrganisationActions;
  excludedContracts: string[];
}) {
  const { t, orgLabel } = useLanguage();
  const { data: detail, error } = useApi(id, (signal) => api.organisation(id, signal));
  if (error)
    return (
      <aside className="panel" role="alert">
        {t("errorPrefix")}
        {error}
      </aside>
    );
  if (!detail) return <aside className="panel">{t("loading")}</aside>;
  const o = detail.organisation;
  return (
    <aside className="panel" data-testid="organisation-panel" aria-label={o.name}>
      <header>
        <h2>{orgLabel(o)}</h2>
        <button type="button" onClick={actions.close} aria-label={t("close")}>
          ×
        </button>
      </header>
      <p>
        <code>{o.id}</code> · {o.kind} · {o.sector} · {o.region}
      </p>
      <Source text={o.source} />
      {affected && (
        <p data-testid="chain">
          {t("chain")} ({t("depth")} {affected.depth}): {affected.path.join(" → ")}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => actions.compromiseOnly(o.id)}>
          {t("compromiseThis")}
        </button>
        <button type="button" onClick={() => actions.addCompromised(o.id)}>
          {t("addVendor")}
        </button>
        <button type="button" onClick={() => actions.excludeOrganisation(o.id)}>
          {t("excludeOrg")}
        </button>
        <button type="button" onClick={() => actions.expand(o.id)}>
          {t("expand")}
        </button>
      </div>
      <h3>
        {t("outgoing")} ({formatNumber(detail.outgoingTotal)})
      </h3>
      <Contracts
        rows={detail.outgoing}
        total={detail.outgoingTotal}
        onExclude={actions.excludeContract}
        excluded={excludedContracts}
      />
      <h3>
        {t("incoming")} ({formatNumber(detail.incomingTotal)})
      </h3>
      <Contracts
        rows={detail.incoming}
        total={detail.incomingTotal}
        onExclude={actions.excludeContract}
        excluded={excludedContracts}
      />
      {detail.incidents.length > 0 && (
        <>
          <h3>{t("incidents")}</h3>
          <ul>
            {detail.incidents.map((i) => (
              <li key={i.id}>
                {i.id} · {i.kind} · {i.discovered} · {i.actor} <Source text={i.source} />
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.exposures.length > 0 && (
        <>
          <h3>{t("exposures")}</h3>
          <ul>
            {detail.exposures.map((e) => (
              <li key={`${e.incident}-${e.reportedOn ?? ""}`}>
                {e.reportedOn ?? "?"} · {e.status} ·{" "}
                {e.records !== undefined ? `${formatNumber(e.records)} ${t("records")}` : ""}{" "}
                {e.subjects !== undefined ? `${formatNumber(e.subjects)} ${t("persons")}` : ""}{" "}
                <Source text={e.source} />
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
