import { Fragment, type ReactNode } from "react";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadius,
  type ContractRow,
  parsePartialDate,
  type StopReason,
  whyNotAffected,
} from "../../../domain/index.ts";
import type { Lookup } from "../graph/lookup.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { CarriedList, ContractLink, type OpenContract } from "./contractWords.tsx";

/**
 * Why an affected organisation is affected: its chain of contracts to the compromised vendor, each
 * consignor → contractor, and what a scoped sub-contract carries (the contract before it among them).
 */
export function WhyAffected({
  affected,
  lookup,
  onOpen,
  possible = () => false,
}: {
  affected: AffectedOrganisation;
  lookup: Lookup;
  onOpen: OpenContract;
  /** Whether a contract of the chain is one nobody has confirmed. */
  possible?: (contract: string) => boolean;
}) {
  const { t, rich, orgName } = useLanguage();
  const { path, chain } = affected;
  const name = (id: string) => orgName(lookup.org(id));
  return (
    <div className="why affected" data-testid="why-affected">
      <h3>{t("whyAffectedHeading")}</h3>
      <p>{t("whyAffected", { depth: affected.depth, vendor: name(path[path.length - 1] as string) })}</p>
      <ol className="chain">
        {chain.map((id, i) => {
          const carries = lookup.contract(id)?.carries ?? null;
          return (
            <li key={id} data-chain-contract={id}>
              {name(path[i] as string)} → {name(path[i + 1] as string)}{" "}
              <ContractLink id={id} lookup={lookup} onOpen={onOpen} />
              {possible(id) && <PossibleBadge />}
              {carries && (
                <div className="note">
                  {rich("carriesOnly", {
                    // The contract before it leads; the others it carries are only counted.
                    carried: (
                      <CarriedList
                        ids={carries}
                        lookup={lookup}
                        onOpen={onOpen}
                        first={chain[i - 1]}
                        limit={i > 0 ? 1 : 3}
                      />
                    ),
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A contract nobody has confirmed, marked where it is listed. */
export function PossibleBadge() {
  const { t } = useLanguage();
  return (
    <span className="badge possible" data-possible="true" title={t("possibleContract")}>
      {t("possibleBadge")}
    </span>
  );
}

/** The contract is out of force on the as-of day: it starts later, or its data was due for deletion. */
function notInForce(
  t: ReturnType<typeof useLanguage>["t"],
  radius: BlastRadius,
  row: ContractRow | undefined,
): string {
  const asOf = radius.scenario.asOf ?? "";
  const day = asOfDay(radius.scenario);
  const since = row?.since ? parsePartialDate(row.since)?.firstDay : null;
  if (row?.since && since && day && since > day) return t("startsAfter", { asOf, since: row.since });
  if (row?.deleteBy) return t("deletedBefore", { asOf, deleteBy: row.deleteBy });
  return t("notInForce", { asOf });
}

/**
 * Why an organisation the blast radius does not reach is spared: for each of its contracts, what
 * stops its data short of the compromised organisations (domain `whyNotAffected`), one line each.
 */
export function WhyNotAffected({
  id,
  radius,
  outgoing,
  outgoingTotal,
  lookup,
  onOpen,
}: {
  id: string;
  radius: BlastRadius;
  outgoing: ContractRow[];
  outgoingTotal: number;
  lookup: Lookup;
  onOpen: OpenContract;
}) {
  const { t, rich, orgName } = useLanguage();
  const { scenario } = radius;
  const rows = new Map(outgoing.map((row) => [row.id, row]));
  const contractorName = (r: StopReason) => {
    const row = rows.get(r.contract);
    return orgName(lookup.org(r.contractor, { id: r.contractor, name: row?.counterpartName }));
  };
  const reason = (r: StopReason): ReactNode => {
    const contractor = contractorName(r);
    switch (r.why) {
      case "excluded":
        return scenario.excludedContracts.includes(r.contract)
          ? t("excludedContractReason")
          : t("excludedContractorReason", { contractor });
      case "only_possible":
        return t("onlyPossibleReason");
      case "not_in_force":
        return notInForce(t, radius, rows.get(r.contract));
      case "beyond_max_depth":
        return t("beyondMaxDepth", { contractor, depth: r.depth, max: scenario.maxDepth ?? "" });
      case "no_route":
        return t("noRoute", { contractor });
      case "not_listed":
        return t("notListed", { contractor, shown: radius.truncated?.shown ?? radius.affected.length });
      case "not_carried":
        return rich("notCarried", {
          contractor,
          carried: r.by.map((by, i) => (
            <Fragment key={by.id}>
              {i > 0 && t("listSeparator")}
              {rich("carriedVia", {
                carried: <CarriedList ids={by.carries} lookup={lookup} onOpen={onOpen} />,
                via: <ContractLink id={by.id} lookup={lookup} onOpen={onOpen} />,
              })}
            </Fragment>
          )),
        });
    }
  };
  const body = () => {
    if (scenario.excludedOrganisations.includes(id)) return <p>{t("focusExcluded")}</p>;
    if (outgoingTotal === 0) return <p>{t("noOutgoing")}</p>;
    return (
      <ul className="stops">
        {whyNotAffected(radius, outgoing).map((r) => (
          <li key={r.contract} data-stop-contract={r.contract}>
            <ContractLink id={r.contract} lookup={lookup} onOpen={onOpen} /> → {contractorName(r)}
            {t("reasonSeparator")}
            {reason(r)}
          </li>
        ))}
        {outgoingTotal > outgoing.length && (
          <li className="note">{t("moreContracts", { n: outgoingTotal - outgoing.length })}</li>
        )}
      </ul>
    );
  };
  return (
    <div className="why spared" data-testid="why-not-affected">
      <h3>{t("whyNotAffected")}</h3>
      {body()}
    </div>
  );
}
