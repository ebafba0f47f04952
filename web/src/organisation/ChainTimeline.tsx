import { scaleUtc } from "d3-scale";
import { useMemo, useRef } from "react";
import type { AffectedOrganisation } from "../../../domain/index.ts";
import type { Lookup } from "../graph/lookup.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { useWidth } from "../shared/widgets/useWidth.ts";
import { type TimelineBar, timelineModel } from "./timeline.ts";

const ROW = 38;
const TOP = 30;
const AXIS = 22;
const PAD = 8;

/**
 * The exposure timeline of a focused organisation's chain: each contract from `since` to `until`
 * (an open end fades out), its deletion deadline (red when it had passed before the incident was
 * discovered: data that should have been gone), the incidents on the chain, and the as-of day.
 */
export function ChainTimeline({
  affected,
  asOf,
  lookup,
}: {
  affected: AffectedOrganisation;
  asOf: string | null;
  lookup: Lookup;
}) {
  const { t, orgName } = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const key = affected.chain.join("\n");
  const { data, error } = useApi(key === "" ? null : `chain:${key}`, (signal) =>
    api.chain(affected.chain, signal),
  );
  const model = useMemo(() => (data ? timelineModel(data, asOf) : null), [data, asOf]);
  const name = (id: string) => orgName(lookup.org(id));

  let body = null;
  if (error) body = <p className="note">{error}</p>;
  else if (model && !model.domain) body = <p className="note">{t("timelineNoDates")}</p>;
  else if (model?.domain) {
    const x = scaleUtc()
      .domain(model.domain)
      .range([PAD, width - PAD]);
    const height = TOP + model.bars.length * ROW + AXIS;
    const left = (b: TimelineBar) => x(b.from ?? model.domain?.[0] ?? 0);
    const right = (b: TimelineBar) => x(b.to ?? model.domain?.[1] ?? 0);
    const format = x.tickFormat();
    body = (
      <svg width={width} height={height} role="img" aria-label={t("timeline")} data-testid="chain-timeline">
        <defs>
          <linearGradient id="fade-left">
            <stop offset="0" stopColor="#0072b2" stopOpacity="0" />
            <stop offset="0.4" stopColor="#0072b2" stopOpacity="0.8" />
          </linearGradient>
          <linearGradient id="fade-right">
            <stop offset="0.6" stopColor="#0072b2" stopOpacity="0.8" />
            <stop offset="1" stopColor="#0072b2" stopOpacity="0" />
          </linearGradient>
        </defs>
        {model.bars.map((bar, row) => {
          const y = TOP + row * ROW;
          const fill =
            bar.from === null ? "url(#fade-left)" : bar.to === null ? "url(#fade-right)" : "#0072b2";
          const dates = [
            bar.text.since ? `${t("since")} ${bar.text.since}` : t("sinceUnknown"),
            bar.text.until ? `${t("until")} ${bar.text.until}` : null,
            bar.text.deleteBy ? `${t("deleteBy")} ${bar.text.deleteBy}` : null,
          ]
            .filter(Boolean)
            .join(" · ");
          return (
            <g key={bar.id} data-timeline-contract={bar.id}>
              <title>{`${name(bar.consignor)} → ${name(bar.contractor)} (${bar.id}): ${dates}`}</title>
              <text x={PAD} y={y + 11} className="timeline-label">
                {name(bar.consignor)} → {name(bar.contractor)}
              </text>
              <rect
                x={left(bar)}
                y={y + 16}
                width={Math.max(2, right(bar) - left(bar))}
                height={10}
                fill={fill}
                rx={2}
              />
              {bar.deleteBy && (
                <path
                  d={`M ${x(bar.deleteBy)} ${y + 13} l 5 8 l -5 8 l -5 -8 Z`}
                  className={bar.overdueAtIncident ? "delete-by overdue" : "delete-by"}
                  data-overdue={bar.overdueAtIncident}
                >
                  <title>
                    {`${t("deleteBy")} ${bar.text.deleteBy}${bar.overdueAtIncident ? ` — ${t("overdueAtIncident")}` : ""}`}
                  </title>
                </path>
              )}
            </g>
          );
        })}
        {model.marks.map((mark, i) => (
          <g key={mark.key} className={`mark ${mark.kind}`} data-mark={mark.key}>
            <line x1={x(mark.at)} x2={x(mark.at)} y1={TOP - 6} y2={height - AXIS} />
            <text
              x={x(mark.at)}
              y={10 + (i % 2) * 11}
              textAnchor={x(mark.at) > width * 0.6 ? "end" : "start"}
            >
              {`${t(mark.kind)} ${mark.text}`}
            </text>
            <title>{mark.incident ? `${mark.incident}: ${t(mark.kind)} ${mark.text}` : mark.text}</title>
          </g>
        ))}
        <g className="axis" transform={`translate(0, ${height - AXIS})`}>
          <line x1={PAD} x2={width - PAD} y1={0} y2={0} />
          {x.ticks(Math.max(2, Math.floor(width / 90))).map((tick) => (
            <g key={tick.getTime()} transform={`translate(${x(tick)}, 0)`}>
              <line y2={4} />
              <text y={15} textAnchor={x(tick) < 30 ? "start" : x(tick) > width - 30 ? "end" : "middle"}>
                {format(tick)}
              </text>
            </g>
          ))}
        </g>
      </svg>
    );
  }
  return (
    <div className="timeline" ref={box}>
      <h3>{t("timeline")}</h3>
      {body}
    </div>
  );
}
