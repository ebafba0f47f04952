import type { ReactNode } from "react";
import { formatNumber } from "../shared/i18n/strings.ts";
import { Figure } from "../shared/widgets/Figure.tsx";
import { barScale } from "./scale.ts";

/** One bar: a group of organisations (a kind, a region) and the records they entrusted. */
export interface RecordBar {
  key: string;
  label: ReactNode;
  organisations: number;
  records: number;
  /** Contracts whose records are undisclosed: the bar is a lower bound, hatched at its end. */
  undisclosed: number;
}

/**
 * Records as horizontal bars, longest first as given: a table (label, bar, figure) so that the
 * figures stay exact, readable and selectable, with the bar drawn to a linear scale from zero.
 */
export function RecordBars({ rows, label, unit }: { rows: RecordBar[]; label: string; unit: string }) {
  const width = barScale(rows.map((r) => r.records));
  return (
    <table className="bars" aria-label={label}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-bar={row.key}>
            <th scope="row">
              {row.label} <span className="bar-count">{formatNumber(row.organisations)}</span>
            </th>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar" style={{ width: `${width(row.records)}%` }} />
              {row.undisclosed > 0 && <span className="bar-undisclosed" title={unit} />}
            </td>
            <td className="n">
              <Figure value={row.records} undisclosed={row.undisclosed} compact />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
