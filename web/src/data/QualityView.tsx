import { percentText, QUALITY_LISTS, type QualityReport } from "../../../domain/index.ts";
import { fill, WORDS } from "../../../locale/index.ts";
import { useApi } from "../shared/api/useApi.ts";
import { useLanguage } from "../shared/i18n/language.tsx";
import { formatNumber } from "../shared/i18n/strings.ts";
import { ErrorMessage } from "../shared/widgets/ErrorBoundary.tsx";
import { Completeness } from "./Completeness.tsx";
import { QualityLists } from "./QualityLists.tsx";
import { fetchQuality, qualityFileUrl } from "./qualityApi.ts";

/** Each item in one figure: how many of how many; a click goes to its rows. */
function Summary({ report }: { report: QualityReport }) {
  const w = WORDS[useLanguage().lang].quality;
  return (
    <ul className="quality-summary" data-testid="quality-summary">
      {QUALITY_LISTS.map((name) => {
        const { total, of } = report[name];
        return (
          <li key={name} data-item={name}>
            <a href={`#quality-${name}`}>
              <span className="label">{w.lists[name]}</span>
              <span className="value">{formatNumber(total)}</span>
              <span className="of">
                {fill(w.summaryOf, { of: formatNumber(of), share: percentText(total, of) })}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Data (データ): what the loaded dataset lacks, for the analyst to ask about — completeness per
 * kind of consignor as bars, then each item's rows (docs/data-quality.md). Dates are judged as of
 * the URL's `today` (today in Japan when absent); the reports download in the view's language.
 */
export function QualityView({
  today,
  onToday,
  onFocus,
}: {
  today: string;
  onToday: (day: string) => void;
  onFocus: (id: string) => void;
}) {
  const { lang, t } = useLanguage();
  const {
    data: report,
    error,
    loading,
  } = useApi(`quality:${today}`, (signal) => fetchQuality(today, signal), {
    keepPrevious: true,
  });
  const w = WORDS[lang].quality;
  return (
    <section className="data-view" data-testid="data-view" aria-busy={loading}>
      <header className="data-head">
        <h2>{w.title}</h2>
        <label>
          {w.today}{" "}
          <input
            type="date"
            data-testid="quality-today"
            value={today || report?.today || ""}
            onChange={(e) => onToday(e.target.value)}
          />
        </label>
        <nav className="downloads" aria-label={w.download}>
          {w.download}: <a href={qualityFileUrl(today, "html", lang)}>{w.downloadHtml}</a>
          <a href={qualityFileUrl(today, "md", lang)}>{w.downloadMarkdown}</a>
          <a href={qualityFileUrl(today, "json", lang)}>{w.downloadJson}</a>
        </nav>
      </header>
      {error && <ErrorMessage error={error} what="errorRequest" />}
      {!report && loading && <p role="status">{t("loading")}</p>}
      {report && (
        <>
          <p className="note" data-testid="quality-dataset">
            {fill(w.datasetLine, {
              name: report.dataset.name ?? "—",
              fingerprint: (report.dataset.fingerprint ?? "—").slice(0, 12),
              loadedAt: report.dataset.loadedAt ?? "—",
            })}
          </p>
          <Summary report={report} />
          <Completeness report={report} />
          <QualityLists report={report} onFocus={onFocus} />
        </>
      )}
    </section>
  );
}
