import { Fragment } from "react";
import type {
  AffectedOrganisation,
  BlastRadius,
  ContractRow,
  OutgoingContract,
} from "../../../domain/index.ts";
import { type Lookup, useLookup } from "../graph/lookup.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import type { ScenarioActions } from "../shared/state/actions.ts";
import { Figure } from "../shared/widgets/Figure.tsx";
import { ChainTimeline } from "./ChainTimeline.tsx";
import { CarriedList, type OpenContract } from "./contractWords.tsx";
import { PossibleBadge, WhyAffected, WhyNotAffected } from "./Why.tsx";

/** A contract row nobody has confirmed (the organisation's page says so of each). */
const isPossibleRow = (row: OutgoingContract) => row.confidence === "possible";

/** What the panel's buttons do (the scenario's actions, and expanding the neighbourhood). */
export interface OrganisationActions
  extends Pick<
    ScenarioActions,
    "compromiseOnly" | "addCompromised" | "excludeOrganisation" | "excludeContract" | "selectContract"
  > {
  expand: (id: string) => void;
  close: () => void;
}

/** The panel's two lists of contracts: the organisation's as consignor, then as contractor. */
const SIDES = [
  { heading: "outgoing", rows: "outgoing", total: "outgoingTotal" },
  { heading: "incoming", rows: "incoming", total: "incomingTotal" },
] as const;

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

/** One side's contracts under its heading, with how many there are in all. */
function Contracts({
  heading,
  rows,
  total,
  onExclude,
  excluded,
  lookup,
  onOpen,
}: {
  heading: string;
  rows: ContractRow[];
  total: number;
  onExclude: (id: string) => void;
  excluded: string[];
  lookup: Lookup;
  onOpen: OpenContract;
}) {
  const { t, rich, orgName, count } = useLanguage();
  return (
    <>
      <h3>
        {heading} ({formatNumber(total)})
      </h3>
      <ul className="contracts">
        {rows.map((c) => (
          <li key={c.id} data-contract={c.id}>
            <strong>
              {orgName(lookup.org(c.counterpart, { id: c.counterpart, name: c.counterpartName }))}
            </strong>{" "}
            <code>{c.id}</code>
            {isPossibleRow(c) && <PossibleBadge />}
            <div>
              {c.service && `${c.service} · `}
              {t("records")} {count(c.records)}
              {c.since && ` · ${t("since")} ${c.since}`}
              {c.until && ` · ${t("until")} ${c.until}`}
              {c.deleteBy && ` · ${t("deleteBy")} ${c.deleteBy}`}
            </div>
            {c.carries && c.carries.length > 0 && (
              <div className="note">
                {rich("carriesOnly", {
                  carried: <CarriedList ids={c.carries} lookup={lookup} onOpen={onOpen} />,
                })}
              </div>
            )}
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
    </>
  );
}

/** One organisation: facts, contracts in and out, incidents and reports, and what to do with it. */
export function OrganisationPanel({
  id,
  affected,
  radius,
  actions,
  excludedContracts,
}: {
  id: string;
  affected: AffectedOrganisation | undefined;
  /** The blast radius shown, if any: the panel says why the organisation is (not) in it. */
  radius: BlastRadius | null;
  actions: OrganisationActions;
  excludedContracts: string[];
}) {
  const { t, orgLabel, kind, count, word } = useLanguage();
  const lookup = useLookup();
  const { data: detail, error } = useApi(id, (signal) => api.organisation(id, signal));
  if (error)
    return (
      <aside className="panel" role="alert">
        <header>
          <h2>{t("errorTitle")}</h2>
          <button type="button" onClick={actions.close} aria-label={t("close")}>
            ×
          </button>
        </header>
        <p className="error">
          {t("errorRequest")} {t("errorDetail", { detail: error })}
        </p>
      </aside>
    );
  if (!detail) return <aside className="panel">{t("loading")}</aside>;
  const o = detail.organisation;
  const possible = new Set(
    radius?.contracts.filter((c) => c.confidence === "possible").map((c) => c.id) ?? [],
  );
  return (
    <aside className="panel" data-testid="organisation-panel" aria-label={o.name}>
      <header>
        <h2>{orgLabel(o)}</h2>
        <button type="button" onClick={actions.close} aria-label={t("close")}>
          ×
        </button>
      </header>
      <p>
        {[<code key="id">{o.id}</code>, kind(o.kind), o.sector, o.region].filter(Boolean).map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of facts.
          <Fragment key={i}>
            {i > 0 && " · "}
            {part}
          </Fragment>
        ))}
      </p>
      {affected && (
        <p data-testid="organisation-records">
          {t("recordsHere")}
          {t("reasonSeparator")}
          <strong>
            <Figure value={affected.records} undisclosed={affected.undisclosed} />
          </strong>
        </p>
      )}
      {affected?.confirmed === false && (
        <p className="possible-note" data-testid="only-possible">
          {t("onlyPossibleNote")}
        </p>
      )}
      <Source text={o.source} />
      {affected && (
        <WhyAffected
          affected={affected}
          lookup={lookup}
          onOpen={actions.selectContract}
          possible={(contract) => possible.has(contract)}
        />
      )}
      {affected && <ChainTimeline affected={affected} asOf={radius?.scenario.asOf ?? null} lookup={lookup} />}
      {radius && !affected && !radius.compromised.some((c) => c.id === o.id) && (
        <WhyNotAffected
          id={o.id}
          radius={radius}
          outgoing={detail.outgoing}
          outgoingTotal={detail.outgoingTotal}
          lookup={lookup}
          onOpen={actions.selectContract}
        />
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
      {SIDES.map((side) => (
        <Contracts
          key={side.rows}
          heading={t(side.heading)}
          rows={detail[side.rows]}
          total={detail[side.total]}
          onExclude={actions.excludeContract}
          excluded={excludedContracts}
          lookup={lookup}
          onOpen={actions.selectContract}
        />
      ))}
      {detail.incidents.length > 0 && (
        <>
          <h3>{t("incidents")}</h3>
          <ul>
            {detail.incidents.map((i) => (
              <li key={i.id}>
                {[i.id, word(i.kind), i.discovered, i.actor].filter(Boolean).join(" · ")}{" "}
                <Source text={i.source} />
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
                {e.reportedOn ?? "?"} · {word(e.status)} ·{" "}
                {e.records !== undefined && e.records !== null
                  ? `${formatNumber(e.records)} ${t("recordsUnit")}`
                  : `${t("records")} ${count(null)}`}{" "}
                {e.subjects !== undefined && e.subjects !== null
                  ? `${formatNumber(e.subjects)} ${t("personsUnit")}`
                  : ""}{" "}
                <Source text={e.source} />
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
