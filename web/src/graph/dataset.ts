import { MultiDirectedGraph } from "graphology";
import { type BlastRadius, isScoped, type Neighbourhood, type Overview } from "../../../domain/index.ts";
import { kindColour, nodeSize } from "./appearance.ts";
import { groupNodeSize, isGroupNode } from "./groups.ts";

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
  /** Whose data it passes on: these contracts into its consignor; null: all of the consignor's data. */
  carries: string[] | null;
  size: number;
  color: string;
  type: "arrow";
}

export type ExploreGraph = MultiDirectedGraph<OrgAttributes, ContractAttributes>;

export function createExploreGraph(): ExploreGraph {
  return new MultiDirectedGraph<OrgAttributes, ContractAttributes>();
}

/** The answers the graph holds: the overview, plus the blast radius and any expanded neighbourhoods. */
export interface GraphSources {
  overview: Overview | null;
  impact: BlastRadius | null;
  neighbourhoods: Neighbourhood[];
}

export const NO_SOURCES: GraphSources = { overview: null, impact: null, neighbourhoods: [] };

/** What an organisation's node says, whatever the language and wherever it is drawn. */
export type OrgFacts = Omit<OrgAttributes, "label" | "x" | "y">;

export interface ContractFacts extends ContractAttributes {
  consignor: string;
  contractor: string;
}

type OrgLike = {
  id: string;
  name: string;
  nameEn?: string | null;
  kind?: string | null;
  region?: string | null;
  records?: number;
};

function addOrganisation(nodes: Map<string, OrgFacts>, org: OrgLike): void {
  const records = org.records ?? 0;
  const facts: OrgFacts = {
    name: org.name,
    nameEn: org.nameEn ?? null,
    kind: org.kind ?? null,
    region: org.region ?? null,
    records,
    size: isGroupNode(org.id) ? groupNodeSize(records) : nodeSize(records),
    color: kindColour(org.kind),
  };
  const current = nodes.get(org.id);
  nodes.set(
    org.id,
    current
      ? { ...facts, records: Math.max(current.records, records), size: Math.max(current.size, facts.size) }
      : facts,
  );
}

function addContract(
  nodes: Map<string, OrgFacts>,
  edges: Map<string, ContractFacts>,
  c: {
    id: string;
    consignor: string;
    contractor: string;
    records: number | null;
    service?: string | null;
    carries?: string[] | null;
  },
): void {
  if (edges.has(c.id) || !nodes.has(c.consignor) || !nodes.has(c.contractor)) return;
  edges.set(c.id, {
    consignor: c.consignor,
    contractor: c.contractor,
    records: c.records,
    service: c.service ?? null,
    carries: c.carries && isScoped({ carries: c.carries }) ? [...c.carries] : null,
    size: 1 + Math.log10(1 + (c.records ?? 0)) / 2,
    color: "#c8c8c8",
    type: "arrow",
  });
}

/**
 * The organisations and contracts the answers hold, in order: an organisation seen in several
 * answers takes the later facts and the larger figures; a contract is drawn between two drawn
 * organisations only.
 */
export function collectElements(sources: GraphSources): {
  nodes: Map<string, OrgFacts>;
  edges: Map<string, ContractFacts>;
} {
  const { overview, impact, neighbourhoods } = sources;
  const nodes = new Map<string, OrgFacts>();
  const edges = new Map<string, ContractFacts>();
  for (const node of overview?.nodes ?? []) addOrganisation(nodes, node);
  for (const org of impact?.compromised ?? []) addOrganisation(nodes, org);
  for (const org of impact?.affected ?? []) addOrganisation(nodes, org);
  for (const n of neighbourhoods) for (const org of [n.centre, ...n.neighbours]) addOrganisation(nodes, org);
  for (const c of overview?.contracts ?? []) addContract(nodes, edges, c);
  for (const c of impact?.contracts ?? []) addContract(nodes, edges, c);
  for (const n of neighbourhoods) for (const c of n.contracts) addContract(nodes, edges, c);
  return { nodes, edges };
}
