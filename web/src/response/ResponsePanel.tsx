import { useMemo, useState } from "react";
import {
  beyondHolidayCalendar,
  CAUSES,
  daysLeft,
  type NotifyPage,
  REPORT_DECISIONS,
  type ReportDecision,
  ROLES,
  type Role,
} from "../../../domain/index.ts";
import { useLookup } from "../graph/lookup.ts";
import { api } from "../shared/api/client.ts";
import { useApi } from "../shared/api/useApi.ts";
import { type Language, useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import type { UpdateState } from "../shared/state/actions.ts";
import type { ExploreState } from "../shared/state/urlState.ts";
import { notifyParams } from "../shared/state/urlState.ts";
import { ErrorMessage } from "../shared/widgets/ErrorBoundary.tsx";
import { NO_FILTER, type ResponseFilter, type ResponseSort, responseRows } from "./rows.ts";

/** The answer is read whole up to this many organisations (the API's largest page). */
const PAGE = 5000;

/** The decisions on entrusted data: best effort (努力義務) applies to an organisation's own data only. */
const ENTRUSTED_DECISIONS = REPORT_DECISIONS.filter((d) => d !== "best_effort");

/** How a filter's options are worded: decisions and roles in the language's words, authorities as named. */
const OPTION_LABELS: { [K in keyof ResponseFilter]: (language: Language, value: string) => string } = {
  report: (language, value) => language.decision(value as ReportDecision),
  entrusted: (language, value) => language.decision(value as ReportDecision),
  role: (language, value) => language.role(value as Role),
  authority: (_, value) => value,
};

/** A date with the days left to it; a passed guide (`guide`: the 速報's) is not marked overdue. */
function Deadline({ day, today, guide = false }: { day: string | null; today: string; guide?: boolean }) {
  const language = useLanguage();
  // Null exactly when there is no day.
  const left = daysLeft(today, day);
  if (left === null) return <>—</>;
  const words = language.daysLeft(left, guide);
  return (
    <span className={left < 0 && !guide ? "overdue" : undefined} data-days={left}>
      {day}
      <br />
      <small>{words}</small>
    </span>
  );
}

/**
 * Breach response (対応): one row per affected organisation — report required / assess / not
 * required, to which authority, 速報 and 確報 deadlines with days left, its role and whom it must
 * tell — with filters and sorting; a row focuses the organisation on the graph, its packet opens.
 */
export function ResponsePanel({ state, update }: { state: ExploreState; update: UpdateState }) {
  const language = useLanguage();
  const { t, tCount, lang, orgName, decision, role, trigger, cause, entrustedDecision, awareFrom } = language;
  const lookup = useLookup();
  const [filter, setFilter] = useState<ResponseFilter>(NO_FILTER);
  const [sort, setSort] = useState<ResponseSort>("deadline");
  const params = state.compromised.length > 0 ? notifyParams(state) : null;
  const { data, error, loading } = useApi<NotifyPage>(params ? `notify:${params}` : null, (signal) =>
    api.notify(params as URLSearchParams, PAGE, signal),
  );
  // Worked out once per answer (or filter, sort, language, graph), not on every render of the app.
  const authorities = useMemo(
    () => (data ? [...new Set(data.organisations.map((o) => o.authority))].sort() : []),
    [data],
  );
  // Whether a date of the answer is later than the holiday calendar knows (then the view says so).
  const beyondCalendar = useMemo(
    () =>
      data !== null &&
      beyondHolidayCalendar(
        data.holidaysKnownThrough,
        data.organisations.flatMap((o) => [o.finalBy, o.entrusted?.finalBy]),
      ),
    [data],
  );
  const rows = useMemo(
    () => (data ? responseRows(data.organisations, filter, sort, (o) => orgName(lookup.org(o.id, o))) : []),
    [data, filter, sort, orgName, lookup],
  );
  if (!params) return <p className="note">{t("responseEmpty")}</p>;
  const name = (id: string) => orgName(lookup.org(id));
  const select = <K extends keyof ResponseFilter>(key: K, values: readonly string[]) => (
    <select
      value={filter[key]}
      aria-label={t(`filter_${key}`)}
      data-testid={`filter-${key}`}
      onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}
    >
      {["all", ...values].map((v) => (
        <option key={v} value={v}>
          {v === "all" ? t("filterAll") : OPTION_LABELS[key](language, v)}
        </option>
      ))}
    </select>
  );
  return (
    <section className="response" aria-label={t("response")} data-testid="response">
      <h2>{t("responseHeading")}</h2>
      <div className="response-controls">
        <label>
          {t("aware")}{" "}
          <input
            type="date"
            value={state.aware || data?.aware || ""}
            onChange={(e) => update({ aware: e.target.value })}
          />
        </label>
        <label>
          {t("cause")}{" "}
          <select value={state.cause} onChange={(e) => update({ cause: e.target.value })} data-testid="cause">
            <option value="">
              {data ? t("causeFromIncidentsIs", { cause: cause(data.cause) }) : t("causeFromIncidents")}
            </option>
            {CAUSES.map((c) => (
              <option key={c} value={c}>
                {cause(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("today")}{" "}
          <input
            type="date"
            value={state.today || data?.today || ""}
            onChange={(e) => update({ today: e.target.value })}
          />
        </label>
      </div>
      {error && <ErrorMessage error={error} what="errorScenario" />}
      {loading && <p role="status">{t("loading")}</p>}
      {data && (
        <>
          <p data-testid="response-totals">
            {t("responseTotals", {
              required: formatNumber(data.totals.own.required),
              assess: formatNumber(data.totals.own.assess),
              bestEffort: formatNumber(data.totals.own.best_effort),
              notRequired: formatNumber(data.totals.own.not_required),
              entrustedRequired: formatNumber(data.totals.entrusted.required),
              entrustedAssess: formatNumber(data.totals.entrusted.assess),
            })}
          </p>
          {beyondCalendar && (
            <p className="note" data-testid="holidays-note">
              {t("holidaysNote", { through: data.holidaysKnownThrough })}
            </p>
          )}
          <ul className="duties" data-testid="compromised-duties">
            {data.compromised.map((c) => (
              <li key={c.id}>
                {tCount(c.notify.length, "compromisedDutyOne", "compromisedDuty", {
                  name: orgName(lookup.org(c.id, c)),
                  n: formatNumber(c.notify.length),
                })}{" "}
                <a href={api.packetUrl(params, c.id, lang)} target="_blank" rel="noreferrer">
                  {t("packet")}
                </a>
              </li>
            ))}
          </ul>
          <p className="downloads">
            <a href={api.notifyExportUrl(params, "csv")} download>
              CSV
            </a>{" "}
            <a href={api.notifyExportUrl(params, "json")} download>
              JSON
            </a>{" "}
            <a href={api.packetsUrl(params, lang)} download>
              {t("packetsZip")}
            </a>
          </p>
          <div className="response-filters">
            {select("report", REPORT_DECISIONS)}
            {select("entrusted", ENTRUSTED_DECISIONS)}
            {select("role", ROLES)}
            {select("authority", authorities)}
            <select
              value={sort}
              aria-label={t("sortBy")}
              onChange={(e) => setSort(e.target.value as ResponseSort)}
            >
              <option value="deadline">{t("sortDeadline")}</option>
              <option value="name">{t("sortName")}</option>
              <option value="persons">{t("sortPersons")}</option>
            </select>
            <span className="note">
              {t("rowsShown", { shown: formatNumber(rows.length), total: formatNumber(data.page.total) })}
            </span>
          </div>
          <table className="affected response-table" data-testid="response-table">
            <thead>
              <tr>
                <th>{t("nameAwareColumn")}</th>
                <th>{t("reportColumn")}</th>
                <th>{t("preliminaryBy")}</th>
                <th>{t("finalBy")}</th>
                <th>{t("roleColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-id={o.id} className={o.id === state.focus ? "selected" : undefined}>
                  <td className="name">
                    <button
                      type="button"
                      className="link"
                      onClick={() => update({ focus: o.id, contract: null })}
                    >
                      {orgName(lookup.org(o.id, o))}
                    </button>
                    <br />
                    <small data-aware-from={o.awareFrom}>
                      {t("awareShort", { day: o.aware, from: awareFrom(o.awareFrom) })}
                    </small>
                    <br />
                    <a href={api.packetUrl(params, o.id, lang)} target="_blank" rel="noreferrer">
                      {t("packet")}
                    </a>
                  </td>
                  <td data-report={o.report}>
                    {decision(o.report)}
                    {o.report !== "not_required" && <> · {o.authority}</>}
                    {o.triggers.length > 0 && (
                      <>
                        <br />
                        <small>{o.triggers.map((tr) => trigger(tr)).join(t("listSeparator"))}</small>
                      </>
                    )}
                  </td>
                  <td className="n">
                    <Deadline day={o.preliminaryBy} today={data.today} guide />
                  </td>
                  <td className="n">
                    <Deadline day={o.finalBy} today={data.today} />
                  </td>
                  <td data-entrusted={o.entrusted?.report ?? "none"}>
                    {o.entrusted ? (
                      <>
                        <span title={entrustedDecision(o.entrusted.report)}>
                          {t("entrustedShort", { decision: decision(o.entrusted.report) })}
                        </span>
                        {o.entrusted.finalBy && (
                          <>
                            <br />
                            <Deadline day={o.entrusted.finalBy} today={data.today} />
                          </>
                        )}
                        <br />
                        <small title={o.notify.map(name).join(t("listSeparator"))}>
                          {tCount(o.notify.length, "tellClientsOne", "tellClients", {
                            n: formatNumber(o.notify.length),
                          })}
                        </small>
                      </>
                    ) : (
                      role(o.role)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t("decisionAid")}</p>
        </>
      )}
    </section>
  );
}
