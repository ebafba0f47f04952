import {
  type BlastRadius,
  breakdown,
  type Comparison,
  type GroupedBlastRadius,
} from "../../../domain/index.ts";
import { drawnGroups } from "../graph/groups.ts";
import { useLookup } from "../graph/lookup.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { Figure } from "../shared/widgets/Figure.tsx";
import { ConfirmedPart, EstimateFigures, hasPossiblePart } from "./Confidence.tsx";
import { RecordBars } from "./RecordBars.tsx";
import { ReportedBars } from "./ReportedBars.tsx";

/**
 * Records by kind or region over every affected organisation: the answer's list, or, when that
 * list is cut at the draw limit, the grouped answer's groups (a sum over the rows shown would be
 * neither the total nor a bound of it); nothing until the groups have come.
 */
function Breakdown({
  result,
  grouped,
  by,
}: {
  result: BlastRadius;
  grouped: GroupedBlastRadius | null;
  by: "kind" | "region";
}) {
  const { t, kind } = useLanguage();
  const items = grouped
    ? grouped.tiers.flatMap((tier) => tier.groups)
    : result.truncated
      ? null
      : result.affected;
  if (!items) return <p role="status">{t("loading")}</p>;
  const rows = breakdown(items, by, "—").map((g) => ({
    key: g.key,
    label: by === "kind" && g.key !== "—" ? kind(g.key) : g.key,
    organisations: g.organisations,
    records: g.records,
    undisclosed: g.undisclosed,
  }));
  return (
    <RecordBars
      rows={rows}
      label={t(by === "kind" ? "byKind" : "byRegion")}
      unit={t("undisclosedContracts")}
    />
  );
}

/** Seen by screen readers only: the side panel's sections are headed in order (h1, h2, h3). */
const FOR_SCREEN_READERS = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;

/** Totals of a blast radius, lower bounds marked, with the what-if comparison when there is one. */
export function TotalsPanel({
  result,
  grouped = null,
  comparison,
}: {
  result: BlastRadius;
  /** The same answer grouped, when its list is cut at the draw limit. */
  grouped?: GroupedBlastRadius | null;
  comparison: Comparison | null;
}) {
  const { t, orgLabel, orgName, count, word, undisclosedChange } = useLanguage();
  const lookup = useLookup();
  const totals = result.totals;
  const undisclosedNote = comparison ? undisclosedChange(comparison.change.undisclosedContracts) : null;
  const reported = result.affected.filter((a) => a.reported.length > 0);
  // The part on confirmed contracts stands under each figure when the answer counts possible ones.
  const confirmed = hasPossiblePart(totals, result.confirmed) ? result.confirmed : null;
  return (
    <section className="totals" aria-label={t("affected")}>
      {/* The h3s after it (the comparison, then the changes since an earlier answer) come under it. */}
      <h2 style={FOR_SCREEN_READERS}>{t("affected")}</h2>
      <dl className="figures">
        <div>
          <dt>{t("affected")}</dt>
          <dd>
            <span data-testid="total-organisations">{formatNumber(totals.organisations)}</span>
            {confirmed && <ConfirmedPart value={confirmed.organisations} testId="confirmed-organisations" />}
          </dd>
        </div>
        <div>
          <dt>{t("records")}</dt>
          <dd>
            <Figure value={totals.records} undisclosed={totals.undisclosedContracts} testId="total-records" />
            {confirmed && (
              <ConfirmedPart
                value={confirmed.records}
                undisclosed={confirmed.undisclosedContracts}
                testId="confirmed-records"
              />
            )}
          </dd>
        </div>
        <div>
          <dt>{t("persons")}</dt>
          <dd>
            <Figure
              value={totals.subjects}
              undisclosed={totals.undisclosedSubjectContracts}
              testId="total-persons"
            />
            {confirmed && (
              <ConfirmedPart
                value={confirmed.subjects}
                undisclosed={confirmed.undisclosedSubjectContracts}
                testId="confirmed-persons"
              />
            )}
          </dd>
        </div>
        <div>
          <dt>{t("undisclosedContracts")}</dt>
          <dd>
            <span data-testid="total-undisclosed">{formatNumber(totals.undisclosedContracts)}</span>
            {confirmed && (
              <ConfirmedPart value={confirmed.undisclosedContracts} testId="confirmed-undisclosed" />
            )}
          </dd>
        </div>
        <EstimateFigures totals={totals} />
      </dl>
      {totals.undisclosedContracts > 0 && <p className="note">{t("lowerBound")}</p>}
      {/* What the graph draws: its groups when the radius is drawn grouped, not the rows listed. */}
      {result.truncated && (
        <p className="note" role="status" data-testid="drawn-note">
          {grouped
            ? t("drawnAsGroups", { groups: formatNumber(drawnGroups(grouped).length) })
            : t("notDrawn", {
                shown: formatNumber(result.truncated.shown),
                total: formatNumber(result.truncated.total),
              })}
        </p>
      )}
      {comparison && (
        <div className="comparison" data-testid="comparison">
          <h3>{t("comparison")}</h3>
          <p>
            {t("recordsAvoided")}:{" "}
            <strong data-testid="records-avoided">
              {formatNumber(Math.max(0, -comparison.change.records))}
            </strong>
            {" · "}
            {t("noLongerAffected")}:{" "}
            <strong>{formatNumber(comparison.change.noLongerAffected.length)}</strong>
          </p>
          {undisclosedNote !== null && (
            <p className="note" data-testid="undisclosed-change">
              {undisclosedNote}
            </p>
          )}
          {comparison.change.noLongerAffected.length > 0 && (
            <p className="note">{t("noLongerAffectedList")}</p>
          )}
          <ul data-testid="no-longer-affected">
            {comparison.change.noLongerAffected.slice(0, 12).map((o) => (
              <li key={o.id} data-id={o.id}>
                {orgName(o)} — <Figure value={o.records} undisclosed={o.undisclosed} />
              </li>
            ))}
            {comparison.change.noLongerAffected.length > 12 && (
              <li className="note">
                {t("andMoreOrgs", { n: formatNumber(comparison.change.noLongerAffected.length - 12) })}
              </li>
            )}
          </ul>
        </div>
      )}
      <details open>
        <summary>{t("byKind")}</summary>
        <Breakdown result={result} grouped={grouped} by="kind" />
      </details>
      <details>
        <summary>{t("byRegion")}</summary>
        <Breakdown result={result} grouped={grouped} by="region" />
      </details>
      <details>
        <summary>
          {t("reported")} / {t("modelled")}
        </summary>
        <ReportedBars affected={result.affected} />
        <table className="mini">
          <tbody>
            {reported.map((a) => (
              <tr key={a.id}>
                <td>{orgLabel(a)}</td>
                <td className="n">
                  <Figure value={a.records} undisclosed={a.undisclosed} />
                </td>
                <td>
                  {a.reported
                    .map(
                      (r) =>
                        `${r.records !== null ? `${formatNumber(r.records)} ${t("recordsUnit")}` : r.subjects !== null ? `${formatNumber(r.subjects)} ${t("personsUnit")}` : count(null)}${r.status ? ` (${word(r.status)})` : ""}`,
                    )
                    .join(t("listSeparator"))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.unmodelled.length > 0 && (
          <p className="note">
            {t("unmodelled")}
            {t("reasonSeparator")}
            {result.unmodelled.map((u) => orgName(lookup.org(u.organisation))).join(t("listSeparator"))}
          </p>
        )}
      </details>
    </section>
  );
}
