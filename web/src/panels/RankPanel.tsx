import { useEffect, useState } from "react";
import type { VendorRank } from "../../../domain/index.ts";
import { api } from "../api/client.ts";
import { formatNumber, orgLabel, translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

/** Concentration risk: every vendor by what its compromise alone would expose; click to compromise. */
export function RankPanel({ lang, onCompromise }: { lang: Lang; onCompromise: (id: string) => void }) {
  const [ranks, setRanks] = useState<VendorRank[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.rank(100).then(setRanks, (e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p role="alert">
        {translate(lang, "errorPrefix")}
        {error}
      </p>
    );
  if (!ranks) return <p>{translate(lang, "loading")}</p>;
  return (
    <section className="rank" data-testid="rank">
      <h2>{translate(lang, "rankTitle")}</h2>
      <table className="affected">
        <thead>
          <tr>
            <th>#</th>
            <th>{translate(lang, "name")}</th>
            <th>{translate(lang, "kind")}</th>
            <th className="n">{translate(lang, "records")}</th>
            <th className="n">{translate(lang, "affected")}</th>
          </tr>
        </thead>
        <tbody>
          {ranks.map((r, i) => (
            <tr key={r.id}>
              <td className="n">{i + 1}</td>
              <td>
                <button type="button" className="link" onClick={() => onCompromise(r.id)}>
                  {orgLabel(lang, r)}
                </button>
              </td>
              <td>{r.kind}</td>
              <td className="n">{formatNumber(r.records, r.undisclosedContracts > 0)}</td>
              <td className="n">{formatNumber(r.organisations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
