import { MultiDirectedGraph } from "graphology";
import type { BlastRadius, Neighbourhood, Overview } from "../../../domain/index.ts";
import { kindColour, nodeSize } from "./appearance.ts";

/** Node attributes: what sigma draws and what panels read. */
export interface OrgAttributes {
  label: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  region: string | null;
  records: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface ContractAttributes {
  records: number | null;
  service: string | null;
  size: number;
  color: string;
  type: "arrow";
}

export type ExploreGraph = MultiDirectedGraph<OrgAttributes, ContractAttributes>;

type OrgLike = {
  id: string;
  name: string;
  nameEn?: string | null;
  kind?: string | null;
  region?: string | null;
  records?: number;
};

function addOrganisation(graph: ExploreGraph, org: OrgLike, lang: "ja" | "en"): void {
  const records = org.records ?? 0;
  const attributes = {
    label: lang === "en" && org.nameEn ? org.nameEn : org.name,
    name: org.name,
    nameEn: org.nameEn ?? null,
    kind: org.kind ?? null,
    region: org.region ?? null,
    records,
    size: nodeSize(records),
    color: kindColour(org.kind),
  };
  if (graph.hasNode(org.id)) {
    const current = graph.getNodeAttributes(org.id);
    graph.mergeNodeAttributes(org.id, {
      ...attributes,
      records: Math.max(current.records, records),
      size: Math.max(current.size, attributes.size),
    });
  } else {
    graph.addNode(org.id, { ...attributes, x: 0, y: 0 });
  }
}

function addContract(
  graph: ExploreGraph,
  c: { id: string; consignor: string; contractor: string; records: number | null; service?: string | null },
): void {
  if (graph.hasEdge(c.id) || !graph.hasNode(c.consignor) || !graph.hasNode(c.contractor)) return;
  graph.addDirectedEdgeWithKey(c.id, c.consignor, c.contractor, {
    records: c.records,
    service: c.service ?? null,
    size: 1 + Math.log10(1 + (c.records ?? 0)) / 2,
    color: "#c8c8c8",
    type: "arrow",
  });
}

/**
 * The one graph the view is derived from: the overview, plus the blast radius and any
 * expanded neighbourhoods. Sigma only ever draws this graph, through reducers.
 */
export function buildGraph(
  lang: "ja" | "en",
  overview: Overview | null,
  impact: BlastRadius | null,
  neighbourhoods: Neighbourhood[],
): ExploreGraph {
  const graph: ExploreGraph = new MultiDirectedGraph();
  for (const node of overview?.nodes ?? []) addOrganisation(graph, node, lang);
  for (const org of impact?.compromised ?? []) addOrganisation(graph, org, lang);
  for (const org of impact?.affected ?? []) addOrganisation(graph, org, lang);
  for (const n of neighbourhoods)
    for (const org of [n.centre, ...n.neighbours]) addOrganisation(graph, org, lang);
  for (const c of overview?.contracts ?? []) addContract(graph, c);
  for (const c of impact?.contracts ?? []) addContract(graph, c);
  for (const n of neighbourhoods) for (const c of n.contracts) addContract(graph, c);
  return graph;
}
