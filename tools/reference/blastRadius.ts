import { MultiDirectedGraph } from "graphology";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadiusTotals,
  type ContractFacts,
  isActive,
  type Scenario,
  sumTotals,
} from "../../domain/index.ts";

/** The figures of one affected organisation, without names or reports. */
export type ReferenceAffected = Pick<
  AffectedOrganisation,
  "id" | "depth" | "records" | "subjects" | "undisclosed"
>;

export interface ReferenceResult {
  affected: ReferenceAffected[];
  totals: BlastRadiusTotals;
}

/** An in-memory graph of organisations (nodes) and contracts (edges keyed by contract id). */
export function contractGraph(
  organisations: Iterable<string>,
  contracts: Iterable<ContractFacts>,
): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const id of organisations) graph.mergeNode(id);
  for (const contract of contracts) {
    graph.addDirectedEdgeWithKey(contract.id, contract.consignor, contract.contractor, contract);
  }
  return graph;
}

/**
 * docs/blast-radius.md's arithmetic written as plainly as possible over graphology, to check the Cypher
 * engine against: a breadth-first search up the active contracts from the compromised set.
 */
export function referenceBlastRadius(graph: MultiDirectedGraph, scenario: Scenario): ReferenceResult {
  const asOf = asOfDay(scenario);
  const active = (edge: string) => isActive(graph.getEdgeAttributes(edge) as ContractFacts, scenario, asOf);
  const depth = new Map<string, number>();
  let frontier: string[] = [];
  for (const id of scenario.compromised) {
    if (graph.hasNode(id) && !scenario.excludedOrganisations.includes(id)) {
      depth.set(id, 0);
      frontier.push(id);
    }
  }
  const limit = scenario.maxDepth ?? Number.POSITIVE_INFINITY;
  for (let level = 1; frontier.length > 0 && level <= limit; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachInEdge(node, (edge, _attributes, source) => {
        if (!depth.has(source) && active(edge)) {
          depth.set(source, level);
          next.push(source);
        }
      });
    }
    frontier = next;
  }
  const counted: ContractFacts[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    const targetDepth = depth.get(target);
    if (scenario.compromised.includes(source) || targetDepth === undefined || !depth.has(source)) return;
    if (targetDepth + 1 <= limit && active(edge)) counted.push(attributes as ContractFacts);
  });
  const byOrg = new Map<string, ReferenceAffected>();
  for (const [id, d] of depth) {
    if (!scenario.compromised.includes(id))
      byOrg.set(id, { id, depth: d, records: 0, subjects: 0, undisclosed: 0 });
  }
  for (const contract of counted) {
    const org = byOrg.get(contract.consignor) as ReferenceAffected;
    if (contract.records === null) org.undisclosed += 1;
    else org.records += contract.records;
    org.subjects += contract.subjects ?? 0;
  }
  const affected = [...byOrg.values()].sort(
    (a, b) => a.depth - b.depth || b.records - a.records || (a.id < b.id ? -1 : 1),
  );
  return { affected, totals: sumTotals(affected as AffectedOrganisation[], counted) };
}
