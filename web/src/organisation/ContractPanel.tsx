import { useLookup } from "../graph/lookup.ts";
import { useContractService } from "../shared/api/useContractService.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { ContractLink, contractEnds, type OpenContract } from "./contractWords.tsx";

/**
 * One contract, read from the graph, reached by clicking its edge: its ends, what it carries (the
 * contracts into its consignor whose data it passes on, each opening its own panel, or all of the
 * consignor's data), and exclude.
 */
export function ContractPanel({
  id,
  excluded,
  possible = false,
  onExclude,
  onOpen,
  onClose,
}: {
  id: string;
  excluded: boolean;
  /** Nobody has confirmed it (the radius counts it as `possible`). */
  possible?: boolean;
  onExclude: () => void;
  /** Opens another contract's panel (a carried one). */
  onOpen: OpenContract;
  onClose: () => void;
}) {
  const { t, orgName, count } = useLanguage();
  const lookup = useLookup(); // the contract may arrive with the next answer
  const contract = lookup.contract(id);
  const service = useContractService(contract ? id : null, contract?.service);
  if (!contract) return null;
  const consignor = orgName(lookup.org(contract.consignor));
  return (
    <aside className="panel" data-testid="contract-panel" aria-label={`${t("contract")} ${id}`}>
      <header>
        <h2>
          {t("contract")} <code>{id}</code>
        </h2>
        <button type="button" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      <p data-testid="contract-ends">{contractEnds(lookup, orgName, id)}</p>
      {possible && (
        <p className="possible-note" data-testid="contract-possible">
          {t("possibleContract")}
        </p>
      )}
      <p>
        {service && `${service} · `}
        {t("records")} {count(contract.records)}
      </p>
      <h3>{t("carriesHeading")}</h3>
      {contract.carries ? (
        <>
          <p>{t("carriesOnlyOf", { consignor })}</p>
          <ul className="contracts" data-testid="carried">
            {contract.carries.map((carried) => (
              <li key={carried} data-carried={carried}>
                <ContractLink id={carried} lookup={lookup} onOpen={onOpen}>
                  {contractEnds(lookup, orgName, carried)}
                </ContractLink>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="carries-all">{t("carriesAll")}</p>
      )}
      {!excluded && (
        <button type="button" onClick={onExclude}>
          {t("excludeContract")}
        </button>
      )}
    </aside>
  );
}
