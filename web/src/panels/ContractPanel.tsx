import type { ExploreGraph } from "../graph/dataset.ts";
import { formatNumber, translate } from "../i18n/strings.ts";
import type { Lang } from "../scenario/urlState.ts";

/** One contract, reached by clicking its edge; it can be excluded from the scenario here. */
export function ContractPanel({
  id,
  graph,
  lang,
  excluded,
  onExclude,
  onClose,
}: {
  id: string;
  graph: ExploreGraph;
  lang: Lang;
  excluded: boolean;
  onExclude: () => void;
  onClose: () => void;
}) {
  if (!graph.hasEdge(id)) return null;
  const attributes = graph.getEdgeAttributes(id);
  const from = graph.getNodeAttributes(graph.source(id));
  const to = graph.getNodeAttributes(graph.target(id));
  return (
    <aside className="panel" data-testid="contract-panel">
      <header>
        <h2>
          {translate(lang, "contract")} <code>{id}</code>
        </h2>
        <button type="button" onClick={onClose} aria-label={translate(lang, "close")}>
          ×
        </button>
      </header>
      <p>
        {from.name} → {to.name}
      </p>
      <p>
        {attributes.service} · {translate(lang, "records")}{" "}
        {attributes.records === null ? "?" : formatNumber(attributes.records)}
      </p>
      {!excluded && (
        <button type="button" onClick={onExclude}>
          {translate(lang, "excludeContract")}
        </button>
      )}
    </aside>
  );
}
