import {
  COMPLETENESS_COLUMNS,
  COMPLETENESS_FIELDS,
  type KindCompleteness,
  percentText,
  type QualityReport,
} from "../../../domain/index.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { ShareBar } from "./ShareBar.tsx";
import { qualitySentences } from "./words.ts";

/** Per kind of consignor, the share of its contracts that give each column: bars with their figures. */
export function Completeness({ report }: { report: QualityReport }) {
  const { lang, kind } = useLanguage();
  const say = qualitySentences(lang, report);
  const { w } = say;
  const row = (r: KindCompleteness, label: string, total = false) => (
    <tr
      key={total ? "all" : (r.kind ?? "")}
      className={total ? "total" : undefined}
      data-kind={total ? "all" : (r.kind ?? "")}
    >
      <th scope="row">{label}</th>
      <td className="n">{formatNumber(r.contracts)}</td>
      {[...COMPLETENESS_FIELDS.map((f) => [f, r.filled[f]] as const), ["possible", r.possible] as const].map(
        ([key, n]) => (
          <td key={key}>
            <ShareBar
              n={n}
              of={r.contracts}
              text={percentText(n, r.contracts)}
              detail={formatNumber(n)}
              title={say.shareTitle(n, r.contracts)}
            />
          </td>
        ),
      )}
    </tr>
  );
  return (
    <section className="quality-block" data-testid="completeness">
      <h3>{w.completeness}</h3>
      <p className="note">{w.completenessIntro}</p>
      <table className="completeness">
        <thead>
          <tr>
            <th>{w.kind}</th>
            <th className="n">{w.contracts}</th>
            {COMPLETENESS_FIELDS.map((f) => (
              <th key={f} title={COMPLETENESS_COLUMNS[f]}>
                {w.fields[f]}
              </th>
            ))}
            <th>{w.possible}</th>
          </tr>
        </thead>
        <tbody>
          {report.completeness.byKind.map((r) => row(r, r.kind === null ? w.noKind : kind(r.kind)))}
          {row(report.completeness.all, w.allKinds, true)}
        </tbody>
      </table>
    </section>
  );
}
