import type { VendorRank } from "../../../domain/index.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { Figure } from "../shared/widgets/Figure.tsx";

/**
 * Concentration risk: every vendor by what its compromise alone would expose; click to compromise.
 * `confirmedOnly` (the URL's confirmed-only) ranks on confirmed contracts alone.
 */
export function RankPanel({
  onCompromise,
  confirmedOnly = false,
  onConfirmedOnly,
}: {
  onCompromise: (id: string) => void;
  confirmedOnly?: boolean;
  onConfirmedOnly?: (on: boolean) => void;
}) {
  const { t } = useLanguage();
  const { data: ranks, error } = useApi(`rank:${confirmedOnly}`, (signal) =>
    api.rank(100, signal, confirmedOnly),
  );
  const toggle = onConfirmedOnly && (
    <label className="rank-toggle">
      <input
        type="checkbox"
        checked={confirmedOnly}
        data-testid="rank-confirmed-only"
        onChange={(e) => onConfirmedOnly(e.target.checked)}
      />
      {t("rankConfirmedOnly")}
    </label>
  );
  if (error)
    return (
      <p role="alert" className="error">
        {t("errorRequest")} {t("errorDetail", { detail: error })}
      </p>
    );
  if (!ranks) return <p>{t("loading")}</p>;
  return (
    <section className="rank" data-testid="rank">
      <h2>{t("rankTitle")}</h2>
      {toggle}
      <RankRows ranks={ranks} onCompromise={onCompromise} />
    </section>
  );
}

/** The ranking's table: a vendor's name compromises it. */
export function RankRows({
  ranks,
  onCompromise,
}: {
  ranks: VendorRank[];
  onCompromise: (id: string) => void;
}) {
  const { t, orgLabel, kind } = useLanguage();
  return (
    <table className="affected">
      <thead>
        <tr>
          <th>#</th>
          <th>{t("name")}</th>
          <th>{t("kind")}</th>
          <th className="n">{t("records")}</th>
          <th className="n">{t("affected")}</th>
        </tr>
      </thead>
      <tbody>
        {ranks.map((r, i) => (
          <tr key={r.id}>
            <td className="n">{i + 1}</td>
            <td>
              <button type="button" className="link" onClick={() => onCompromise(r.id)}>
                {orgLabel(r)}
              </button>
            </td>
            <td>{kind(r.kind)}</td>
            <td className="n">
              <Figure value={r.records} undisclosed={r.undisclosedContracts} />
            </td>
            <td className="n">{formatNumber(r.organisations)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
