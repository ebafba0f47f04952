import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import type { ExploreSigma } from "../graph/sigma/context.ts";
import { api } from "../shared/api/client.ts";
import { useLanguage } from "../shared/i18n/language.tsx";

/** Reports come from the API (same figures as the command line); the picture from the view itself. */
export function ExportMenu({
  params,
  sigma,
}: {
  params: URLSearchParams | null;
  sigma: ExploreSigma | null;
}) {
  const { t, lang } = useLanguage();
  return (
    <section className="export" aria-label={t("export")}>
      <span>{t("export")}:</span>
      {params &&
        (["html", "csv", "json", "gexf"] as const).map((format) => (
          <a
            key={format}
            href={api.reportUrl(params, format, lang)}
            download
            data-format={format}
            title={format === "json" ? t("keepAnswer") : undefined}
          >
            {format.toUpperCase()}
          </a>
        ))}
      <button
        type="button"
        disabled={!sigma}
        onClick={() =>
          sigma &&
          downloadAsPNG(sigma as unknown as Sigma, { fileName: "keiro-view", backgroundColor: "#ffffff" })
        }
      >
        {t("png")}
      </button>
    </section>
  );
}
