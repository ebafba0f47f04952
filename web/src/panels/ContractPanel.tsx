import { useGraphSnapshot, useGraphStore } from "../graph/useGraph.ts";
import { useLanguage } from "../i18n/language.tsx";
import { formatNumber } from "../i18n/strings.ts";

/** One contract, read from the graph, reached by clicking its edge; it can be excluded here. */
export function ContractPanel({
  id,
  excluded,
  onExclude,
  onClose,
}: {
  id: string;
  excluded: boolean;
  onExclude: () => void;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const { graph } = useGraphStore();
  useGraphSnapshot(); // the contract may arrive with the next answer
  if (!graph.hasEdge(id)) return null;
  const attributes = graph.getEdgeAttributes(id);
  const from = graph.getNodeAttributes(graph.source(id));
  const to = graph.getNodeAttributes(graph.target(id));
  return (
    <aside className="panel" data-testid="contract-panel">
      <header>
        <h2>
          {t("contract")} <code>{id}</code>
        </h2>
        <button type="button" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      <p>
        {from.name} → {to.name}
      </p>
      <p>
        {attributes.service} · {t("records")}{" "}
        {attributes.records === null ? "?" : formatNumber(attributes.records)}
      </p>
      {!excluded && (
        <button type="button" onClick={onExclude}>
          {t("excludeContract")}
        </button>
      )}
    </aside>
  );
}
