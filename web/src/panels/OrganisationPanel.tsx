import { useEffect, useState } from "react";
import type { AffectedOrganisation, ContractRow, OrganisationDetail } from "../../../domain/index.ts";
import { api } from "../api/client.ts";
import { formatNumber, orgLabel, translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

export interface OrganisationActions {
  compromiseOnly: (id: string) => void;
  addVendor: (id: string) => void;
  excludeOrg: (id: string) => void;
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
  lang,
  onExclude,
  excluded,
}: {
  rows: ContractRow[];
  total: number;
  lang: Lang;
  onExclude: (id: string) => void;
  excluded: string[];
}) {
  return (
    <ul className="contracts">
      {rows.map((c) => (
        <li key={c.id} data-contract={c.id}>
          <strong>{c.counterpartName}</strong> <code>{c.id}</code>
          <div>
            {c.service} · {translate(lang, "records")}{" "}
            {c.records === null || c.records === undefined ? "?" : formatNumber(c.records)}
            {c.since && ` · ${translate(lang, "since")} ${c.since}`}
            {c.until && ` · ${translate(lang, "until")} ${c.until}`}
            {c.deleteBy && ` · ${translate(lang, "deleteBy")} ${c.deleteBy}`}
          </div>
          <Source text={c.source} />
          {!excluded.includes(c.id) && (
            <button type="button" onClick={() => onExclude(c.id)}>
              {translate(lang, "excludeContract")}
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
  lang,
  actions,
  excludedContracts,
}: {
  id: string;
  affected: AffectedOrganisation | undefined;
  lang: Lang;
  actions: OrganisationActions;
  excludedContracts: string[];
}) {
  const [detail, setDetail] = useState<OrganisationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDetail(null);
    setError(null);
    api.organisation(id).then(
      (d) => live && setDetail(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (error)
    return (
      <aside className="panel" role="alert">
        {translate(lang, "errorPrefix")}
        {error}
      </aside>
    );
  if (!detail) return <aside className="panel">{translate(lang, "loading")}</aside>;
  const o = detail.organisation;
  return (
    <aside className="panel" data-testid="organisation-panel" aria-label={o.name}>
      <header>
        <h2>{orgLabel(lang, o)}</h2>
        <button type="button" onClick={actions.close} aria-label={translate(lang, "close")}>
          ×
        </button>
      </header>
      <p>
        <code>{o.id}</code> · {o.kind} · {o.sector} · {o.region}
      </p>
      <Source text={o.source} />
      {affected && (
        <p data-testid="chain">
          {translate(lang, "chain")} ({translate(lang, "depth")} {affected.depth}):{" "}
          {affected.path.join(" → ")}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => actions.compromiseOnly(o.id)}>
          {translate(lang, "compromiseThis")}
        </button>
        <button type="button" onClick={() => actions.addVendor(o.id)}>
          {translate(lang, "addVendor")}
        </button>
        <button type="button" onClick={() => actions.excludeOrg(o.id)}>
          {translate(lang, "excludeOrg")}
        </button>
        <button type="button" onClick={() => actions.expand(o.id)}>
          {translate(lang, "expand")}
        </button>
      </div>
      <h3>
        {translate(lang, "outgoing")} ({formatNumber(detail.outgoingTotal)})
      </h3>
      <Contracts
        rows={detail.outgoing}
        total={detail.outgoingTotal}
        lang={lang}
        onExclude={actions.excludeContract}
        excluded={excludedContracts}
      />
      <h3>
        {translate(lang, "incoming")} ({formatNumber(detail.incomingTotal)})
      </h3>
      <Contracts
        rows={detail.incoming}
        total={detail.incomingTotal}
        lang={lang}
        onExclude={actions.excludeContract}
        excluded={excludedContracts}
      />
      {detail.incidents.length > 0 && (
        <>
          <h3>{translate(lang, "incidents")}</h3>
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
          <h3>{translate(lang, "exposures")}</h3>
          <ul>
            {detail.exposures.map((e) => (
              <li key={`${e.incident}-${e.reportedOn ?? ""}`}>
                {e.reportedOn ?? "?"} · {e.status} ·{" "}
                {e.records !== undefined ? `${formatNumber(e.records)} ${translate(lang, "records")}` : ""}{" "}
                {e.subjects !== undefined ? `${formatNumber(e.subjects)} ${translate(lang, "persons")}` : ""}{" "}
                <Source text={e.source} />
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
