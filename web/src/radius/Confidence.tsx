import { scaleLinear } from "d3-scale";
import type { BlastRadiusTotals, ConfirmedTotals, EstimateQuantiles } from "../../../domain/index.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";

/** The totals a confirmed part is compared with (the estimate aside). */
const CONFIRMED_FIELDS = [
  "organisations",
  "contracts",
  "records",
  "subjects",
  "undisclosedContracts",
  "undisclosedSubjectContracts",
] as const satisfies readonly (keyof ConfirmedTotals)[];

/**
 * Whether the answer counts anything nobody has confirmed: its confirmed part differs from the
 * whole. Then every figure shows its confirmed part; otherwise none does (it would repeat itself).
 */
export function hasPossiblePart(totals: BlastRadiusTotals, confirmed: ConfirmedTotals | undefined): boolean {
  return confirmed !== undefined && CONFIRMED_FIELDS.some((field) => confirmed[field] !== totals[field]);
}

/**
 * A figure's confirmed part, under the figure: "≥ 1,528,949 on confirmed contracts" (the words
 * are not those of a reported exposure's status). `undisclosed` marks it a lower bound as the
 * whole is marked.
 */
export function ConfirmedPart({
  value,
  undisclosed,
  testId,
}: {
  value: number;
  /** Undefined: a plain count (organisations, contracts), never a lower bound. */
  undisclosed?: number;
  testId: string;
}) {
  const { t, figureParts } = useLanguage();
  const shown = undisclosed === undefined ? formatNumber(value) : figureParts(value, undisclosed).value;
  return (
    <span className="confirmed-part" data-testid={testId}>
      {t("onConfirmed", { value: shown })}
    </span>
  );
}

/** One measure of the estimate: its lower bound (the answer's total) and the quantiles drawn. */
interface EstimateRow {
  key: "records" | "persons";
  bound: number;
  quantiles: EstimateQuantiles;
}

/** The rows worth showing: a measure with nothing undisclosed has its total for every quantile. */
export function estimateRows(totals: BlastRadiusTotals): EstimateRow[] {
  const estimate = totals.estimate;
  if (!estimate || estimate.draws === 0) return [];
  const rows: EstimateRow[] = [];
  if (totals.undisclosedContracts > 0)
    rows.push({ key: "records", bound: totals.records, quantiles: estimate.records });
  if (totals.undisclosedSubjectContracts > 0)
    rows.push({ key: "persons", bound: totals.subjects, quantiles: estimate.subjects });
  return rows;
}

/** The chart's height in its own units (its width is 100). */
const ROW = 12;

/**
 * Where one measure's lower bound stands against its estimate: the bound as a bar from zero,
 * p10–p90 as a paler band, the median as a mark; `max` is shared by the rows so that they compare.
 * Drawn for the eye: the line above it says the same in figures.
 */
function EstimateChart({ row, max }: { row: EstimateRow; max: number }) {
  const x = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([0, 100]);
  const { p10, p50, p90 } = row.quantiles;
  return (
    <svg
      className="estimate-chart"
      viewBox={`0 0 100 ${ROW}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-estimate-chart={row.key}
    >
      <rect className="axis" x={0} y={ROW / 2 - 0.25} width={100} height={0.5} />
      <rect className="bound" x={0} y={3} width={x(row.bound)} height={ROW - 6} />
      <rect className="range" x={x(p10)} y={3} width={Math.max(0.3, x(p90) - x(p10))} height={ROW - 6} />
      <line className="median" x1={x(p50)} x2={x(p50)} y1={0.5} y2={ROW - 0.5} />
    </svg>
  );
}

/**
 * The estimate of what the undisclosed counts probably hold, beside the lower bounds and labelled
 * as an estimate with the number of peer counts it drew from: each measure's p10–p90 and median,
 * and the chart. Nothing when there is no estimate or nothing undisclosed (it would be the totals).
 */
export function EstimateFigures({ totals }: { totals: BlastRadiusTotals }) {
  const { t } = useLanguage();
  const rows = estimateRows(totals);
  const estimate = totals.estimate;
  if (!estimate || rows.length === 0) return null;
  const label = t("estimateLabel", { n: formatNumber(estimate.peerCount) });
  const range = (q: EstimateQuantiles) =>
    t("estimateRange", { p10: formatNumber(q.p10), p50: formatNumber(q.p50), p90: formatNumber(q.p90) });
  const measure = (key: EstimateRow["key"]) => t(key === "records" ? "records" : "persons");
  const max = Math.max(...rows.map((r) => r.quantiles.p90));
  return (
    <div className="estimate" data-testid="estimate">
      <dt data-testid="estimate-label">{label}</dt>
      <dd>
        {rows.map((row) => (
          <div key={row.key} className="estimate-row">
            <p data-testid={`estimate-${row.key}`}>
              <span className="estimate-measure">{measure(row.key)}</span> {range(row.quantiles)}
            </p>
            <EstimateChart row={row} max={max} />
          </div>
        ))}
        <p className="estimate-key" aria-hidden="true">
          <span className="key bound" /> {t("estimateBound")} <span className="key range" /> p10–p90{" "}
          <span className="key median" /> {t("estimateMedian")}
        </p>
        <p className="note">{t("estimateNote")}</p>
      </dd>
    </div>
  );
}
