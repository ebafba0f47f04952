import { nameIn } from "../../../locale/index.ts";
import type { Lang } from "../shared/i18n/strings.ts";
import {
  collectElements,
  createExploreGraph,
  type ExploreGraph,
  type GraphSources,
  type OrgAttributes,
} from "./dataset.ts";

export interface GraphChange {
  /** Organisations that entered the graph (at 0, 0: the caller places them). */
  added: string[];
  /** Organisations that left it. */
  dropped: string[];
  /** Every organisation, in the answers' order (what layouts go by, whatever the history). */
  order: string[];
}

/** Lists (a contract's `carries`) compare by their items: every answer holds new arrays. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function differs<T extends object>(current: T, wanted: Partial<T>): boolean {
  for (const key in wanted) if (!same(current[key], wanted[key])) return true;
  return false;
}

/**
 * Brings the one graph in line with the answers, in place: organisations and contracts that left
 * are dropped, new ones added, changed ones merged. Positions are kept; labels follow `lang`.
 */
export function syncGraph(graph: ExploreGraph, sources: GraphSources, lang: Lang): GraphChange {
  const { nodes, edges } = collectElements(sources);
  const staleEdges = graph.filterEdges((edge, _attributes, source, target) => {
    const wanted = edges.get(edge);
    return !wanted || wanted.consignor !== source || wanted.contractor !== target;
  });
  for (const edge of staleEdges) graph.dropEdge(edge);
  const dropped = graph.filterNodes((node) => !nodes.has(node));
  for (const node of dropped) graph.dropNode(node);

  const added: string[] = [];
  for (const [id, facts] of nodes) {
    // The label drawn beside a node: its name in the chosen language.
    const wanted = { ...facts, label: nameIn(lang, { id, ...facts }) };
    if (!graph.hasNode(id)) {
      graph.addNode(id, { ...wanted, x: 0, y: 0 });
      added.push(id);
    } else if (differs<OrgAttributes>(graph.getNodeAttributes(id), wanted)) {
      graph.mergeNodeAttributes(id, wanted);
    }
  }
  for (const [id, { consignor, contractor, ...attributes }] of edges) {
    if (!graph.hasEdge(id)) graph.addDirectedEdgeWithKey(id, consignor, contractor, attributes);
    else if (differs(graph.getEdgeAttributes(id), attributes)) graph.mergeEdgeAttributes(id, attributes);
  }
  return { added, dropped, order: [...nodes.keys()] };
}

/** Labels in another language; one graph event, and sigma repaints without re-indexing. */
export function relabel(graph: ExploreGraph, lang: Lang): void {
  graph.updateEachNodeAttributes(
    (id, attributes) => ({ ...attributes, label: nameIn(lang, { id, ...attributes }) }),
    {
      attributes: ["label"],
    },
  );
}

/** A graph of its own holding the answers (for a one-off view; the explorer keeps one, see GraphStore). */
export function buildGraph(
  lang: Lang,
  overview: GraphSources["overview"],
  impact: GraphSources["impact"],
  neighbourhoods: GraphSources["neighbourhoods"],
): ExploreGraph {
  const graph = createExploreGraph();
  syncGraph(graph, { overview, impact, neighbourhoods }, lang);
  return graph;
}
