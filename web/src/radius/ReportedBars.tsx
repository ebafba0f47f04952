import type { AffectedOrganisation } from "../../../domain/index.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { Figure } from "../shared/widgets/Figure.tsx";
import { barScale } from "./scale.ts";

/**
 * The records an organisation reported: a confirmed report before a possible one (a final report
 * replaces an early estimate), the latest first; never one that ruled it out. Null when no report
 * gives records: reports of persons only are not drawn against modelled records.
 */
export function reportedRecords(org: AffectedOrganisation): number | null {
  const rank = (status: string | null) => (status === "confirmed" ? 0 : 1);
  const candidates = org.reported
    .filter((r) => r.status !== "ruled_out" && r.records !== null)
    .sort(
      (a, b) => rank(a.status) - rank(b.status) || (b.reportedOn ?? "").localeCompare(a.reportedOn ?? ""),
    );
  return candidates[0]?.records ?? null;
}

/**
 * Reported beside modelled, per organisation that reported: two bars on one linear scale, so a
 * gap between what a notice says and what the contracts add up to shows at a glance.
 */
export function ReportedBars({ affected }: { affected: AffectedOrganisation[] }) {
  const { t, orgName } = useLanguage();
  const rows = affected
    .flatMap((org) => {
      const reported = reportedRecords(org);
      return reported === null ? [] : [{ org, reported }];
    })
    .sort((a, b) => Math.max(b.org.records, b.reported) - Math.max(a.org.records, a.reported));
  const width = barScale(rows.flatMap(({ org, reported }) => [org.records, reported]));
  return (
    <table className="bars paired" aria-label={`${t("reported")} / ${t("modelled")}`}>
      <tbody>
        {rows.map(({ org, reported }) => (
          <tr key={org.id} data-reported={org.id}>
            <th scope="row">{orgName(org)}</th>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar modelled" style={{ width: `${width(org.records)}%` }} />
              <span className="bar reported" style={{ width: `${width(reported)}%` }} />
            </td>
            <td className="n" title={`${t("modelled")} / ${t("reported")}`}>
              <span className="key modelled" />
              <Figure value={org.records} undisclosed={org.undisclosed} compact />
              <br />
              <span className="key reported" />
              <span data-testid={`reported-${org.id}`}>{formatNumber(reported)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
