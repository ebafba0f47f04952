import { type BlastRadius, breakdown, type Comparison } from "../../../domain/index.ts";
import { formatNumber, orgLabel, translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

function Breakdown({ result, by, lang }: { result: BlastRadius; by: "kind" | "region"; lang: Lang }) {
  return (
    <table className="mini" aria-label={translate(lang, by === "kind" ? "byKind" : "byRegion")}>
      <thead>
        <tr>
          <th>{translate(lang, by === "kind" ? "kind" : "region")}</th>
          <th className="n">{translate(lang, "affected")}</th>
          <th className="n">{translate(lang, "records")}</th>
        </tr>
      </thead>
      <tbody>
        {breakdown(result.affected, by, "—").map((g) => (
          <tr key={g.key}>
            <td>{g.key}</td>
            <td className="n">{formatNumber(g.organisations)}</td>
            <td className="n">{formatNumber(g.records, g.undisclosed > 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Totals of a blast radius, lower bounds marked, with the what-if comparison when there is one. */
export function TotalsPanel({
  result,
  comparison,
  lang,
}: {
  result: BlastRadius;
  comparison: Comparison | null;
  lang: Lang;
}) {
  const t = result.totals;
  const reported = result.affected.filter((a) => a.reported.length > 0);
  return (
    <section className="totals" aria-label={translate(lang, "affected")}>
      <dl className="figures">
        <div>
          <dt>{translate(lang, "affected")}</dt>
          <dd data-testid="total-organisations">{formatNumber(t.organisations)}</dd>
        </div>
        <div>
          <dt>{translate(lang, "records")}</dt>
          <dd data-testid="total-records">{formatNumber(t.records, t.undisclosedContracts > 0)}</dd>
        </div>
        <div>
          <dt>{translate(lang, "persons")}</dt>
          <dd data-testid="total-persons">{formatNumber(t.subjects, t.undisclosedSubjectContracts > 0)}</dd>
        </div>
        <div>
          <dt>{translate(lang, "undisclosed")}</dt>
          <dd>{formatNumber(t.undisclosedContracts)}</dd>
        </div>
      </dl>
      {t.undisclosedContracts > 0 && <p className="note">{translate(lang, "lowerBound")}</p>}
      {result.truncated && (
        <p className="note" role="status">
          {translate(lang, "notDrawn", {
            shown: formatNumber(result.truncated.shown),
            total: formatNumber(result.truncated.total),
          })}
        </p>
      )}
      {comparison && (
        <div className="comparison" data-testid="comparison">
          <h3>{translate(lang, "comparison")}</h3>
          <p>
            {translate(lang, "recordsAvoided")}:{" "}
            <strong data-testid="records-avoided">
              {formatNumber(Math.max(0, -comparison.change.records))}
            </strong>
            {" · "}
            {translate(lang, "noLongerAffected")}:{" "}
            <strong>{formatNumber(comparison.change.noLongerAffected.length)}</strong>
          </p>
          <ul>
            {comparison.change.noLongerAffected.slice(0, 12).map((o) => (
              <li key={o.id}>
                {o.name} — {formatNumber(o.records, o.undisclosed > 0)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>{translate(lang, "byKind")}</summary>
        <Breakdown result={result} by="kind" lang={lang} />
      </details>
      <details>
        <summary>{translate(lang, "byRegion")}</summary>
        <Breakdown result={result} by="region" lang={lang} />
      </details>
      <details>
        <summary>
          {translate(lang, "reported")} / {translate(lang, "modelled")}
        </summary>
        <table className="mini">
          <tbody>
            {reported.map((a) => (
              <tr key={a.id}>
                <td>{orgLabel(lang, a)}</td>
                <td className="n">{formatNumber(a.records, a.undisclosed > 0)}</td>
                <td>
                  {a.reported
                    .map(
                      (r) =>
                        `${r.records !== null ? formatNumber(r.records) : r.subjects !== null ? `${formatNumber(r.subjects)} 人` : "?"} (${r.status ?? "?"})`,
                    )
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.unmodelled.length > 0 && (
          <p className="note">
            {translate(lang, "unmodelled")}: {result.unmodelled.map((u) => u.organisation).join(", ")}
          </p>
        )}
      </details>
    </section>
  );
}
