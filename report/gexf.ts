import { MultiDirectedGraph } from "graphology";
import { write } from "graphology-gexf";
import type { BlastRadius } from "../domain/index.ts";

/** The blast radius as a graph for Gephi: organisations with depth and records, contracts as edges. */
export function blastRadiusGexf(result: BlastRadius): string {
  const graph = new MultiDirectedGraph();
  for (const org of result.compromised) {
    graph.mergeNode(org.id, {
      label: org.name,
      kind: org.kind ?? "",
      depth: 0,
      records: 0,
      compromised: true,
    });
  }
  for (const org of result.affected) {
    graph.mergeNode(org.id, {
      label: org.name,
      kind: org.kind ?? "",
      region: org.region ?? "",
      depth: org.depth,
      records: org.records,
      compromised: false,
    });
  }
  for (const contract of result.contracts) {
    if (!graph.hasNode(contract.consignor) || !graph.hasNode(contract.contractor)) continue;
    // An undisclosed count stays absent: never a made-up number.
    graph.addDirectedEdgeWithKey(contract.id, contract.consignor, contract.contractor, {
      ...(contract.records === null ? {} : { records: contract.records }),
      undisclosed: contract.records === null,
    });
  }
  return write(graph, {
    formatNode: (key, attributes) => ({ label: String(attributes.label ?? key), attributes }),
  });
}
