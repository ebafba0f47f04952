import type { ReactNode } from "react";
import {
  type OrganisationName,
  QUALITY_LISTS,
  type QualityContractRow,
  type QualityListName,
  type QualityReport,
} from "../../../domain/index.ts";
import { fill } from "../../../locale/index.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { ShareBar } from "./ShareBar.tsx";
import { qualitySentences } from "./words.ts";

/** An organisation: its name opens it on the graph; its id finds it in the files. */
function Org({ org, onFocus }: { org: OrganisationName; onFocus: (id: string) => void }) {
  const { orgLabel } = useLanguage();
  return (
    <>
      <button type="button" className="link" onClick={() => onFocus(org.id)}>
        {orgLabel(org)}
      </button>{" "}
      <code>{org.id}</code>
    </>
  );
}

/** Each item's table: its header cells and its rows, in the order the answer gives them. */
function useTable(report: QualityReport, name: QualityListName, onFocus: (id: string) => void) {
  const { lang, kind, t } = useLanguage();
  const { w } = qualitySentences(lang, report);
  const contract = (r: QualityContractRow) => [
    <code key="id">{r.id}</code>,
    <Org key="from" org={r.consignor} onFocus={onFocus} />,
    <Org key="to" org={r.contractor} onFocus={onFocus} />,
  ];
  const kindOf = (k: string | null) => (k === null ? w.noKind : kind(k));
  const table = (header: string[], numeric: number[], rows: [string, ReactNode[]][]) => ({
    header,
    numeric,
    rows,
  });
  switch (name) {
    case "undisclosed": {
      const top = report.undisclosed.rows[0]?.reach ?? 0;
      return table(
        [w.rank, w.contract, w.consignor, w.contractor, w.records, w.reach],
        [0],
        report.undisclosed.rows.map((r, i) => [
          r.id,
          [
            formatNumber(i + 1),
            ...contract(r),
            <span key="records" className="undisclosed-word">
              {t("undisclosed")}
            </span>,
            <ShareBar
              key="reach"
              n={r.reach}
              of={top}
              text={formatNumber(r.reach, r.reachAtLeast)}
              title={formatNumber(r.reach, r.reachAtLeast)}
            />,
          ],
        ]),
      );
    }
    case "overdue":
      return table(
        [w.contract, w.consignor, w.contractor, w.deleteBy, w.until],
        [],
        report.overdue.rows.map((r) => [r.id, [...contract(r), r.deleteBy, r.until ?? w.none_]]),
      );
    case "unscopedSubcontracts":
      return table(
        [w.contract, w.consignor, w.contractor, w.passesOn],
        [3],
        report.unscopedSubcontracts.rows.map((r) => [r.id, [...contract(r), formatNumber(r.passesOn)]]),
      );
    case "futureDates":
      return table(
        [w.file, w.column, w.row, w.value],
        [],
        report.futureDates.rows.map((r) => [
          `${r.file}|${r.column}|${r.id}|${r.organisation ?? ""}|${r.value}`,
          [
            r.file,
            r.column,
            <code key="row">
              {r.organisation === null
                ? r.id
                : fill(w.exposureRow, { incident: r.id, organisation: r.organisation })}
            </code>,
            r.value,
          ],
        ]),
      );
    case "unknownKinds":
    case "isolated":
      return table(
        [w.organisation, w.orgKind],
        [],
        report[name].rows.map((o) => [
          o.id,
          [
            <Org key="org" org={o} onFocus={onFocus} />,
            name === "unknownKinds" ? (o.kind ?? w.noKind) : kindOf(o.kind),
          ],
        ]),
      );
  }
}

function QualityListSection({
  report,
  name,
  onFocus,
}: {
  report: QualityReport;
  name: QualityListName;
  onFocus: (id: string) => void;
}) {
  const { lang } = useLanguage();
  const say = qualitySentences(lang, report);
  const list = report[name];
  const { header, numeric, rows } = useTable(report, name, onFocus);
  const capped = say.capped(list);
  return (
    <section className="quality-block" id={`quality-${name}`} data-testid={`quality-${name}`}>
      <h3>
        {say.w.lists[name]} <span className="count">{formatNumber(list.total)}</span>
      </h3>
      <p className="intro">{say.intro(name)}</p>
      <p className="note">{say.from(list)}</p>
      {name === "undisclosed" && report.undisclosed.lowerBounds > 0 && (
        <p className="note">{fill(say.w.lowerBounds, { n: formatNumber(report.undisclosed.lowerBounds) })}</p>
      )}
      {rows.length === 0 ? (
        <p className="note">{say.w.none}</p>
      ) : (
        <table className="quality-rows">
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={h} className={numeric.includes(i) ? "n" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, cells]) => (
              <tr key={key} data-id={key}>
                {cells.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never move.
                  <td key={i} className={numeric.includes(i) ? "n" : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {capped && <p className="note capped">{capped}</p>}
    </section>
  );
}

/** Every item with its rows: whom to ask, and where in the files to look. */
export function QualityLists({ report, onFocus }: { report: QualityReport; onFocus: (id: string) => void }) {
  return (
    <>
      {QUALITY_LISTS.map((name) => (
        <QualityListSection key={name} report={report} name={name} onFocus={onFocus} />
      ))}
    </>
  );
}
