import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import { api } from "../api/client.ts";
import type { ContractAttributes, OrgAttributes } from "../graph/dataset.ts";
import { translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

/** Reports come from the API (same figures as the command line); the picture from the view itself. */
export function ExportMenu({
  params,
  sigma,
  lang,
}: {
  params: URLSearchParams | null;
  sigma: Sigma<OrgAttributes, ContractAttributes> | null;
  lang: Lang;
}) {
  return (
    <section className="export" aria-label={translate(lang, "export")}>
      <span>{translate(lang, "export")}:</span>
      {params &&
        (["html", "csv", "json", "gexf"] as const).map((format) => (
          <a key={format} href={api.reportUrl(params, format)} download data-format={format}>
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
        {translate(lang, "png")}
      </button>
    </section>
  );
}
