import { MultiDirectedGraph } from "graphology";
import { write } from "graphology-gexf";
import type { BlastRadius } from "../domain/index.ts";

/** XML 1.0 cannot hold control characters (but tab, newline and carriage return): they are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlText = (text: string | null) => (text ?? "").replace(NOT_XML, "");

/**
 * The blast radius as a graph for Gephi: organisations with depth, records and whether they are
 * affected on confirmed contracts too, contracts as edges with their confidence. graphology-gexf escapes markup; text from the dataset loses what XML cannot hold.
 */
export function blastRadiusGexf(result: BlastRadius): string {
  const graph = new MultiDirectedGraph();
  for (const org of result.compromised) {
    graph.mergeNode(org.id, {
      label: xmlText(org.name),
      kind: xmlText(org.kind),
      depth: 0,
      records: 0,
      compromised: true,
    });
  }
  for (const org of result.affected) {
    graph.mergeNode(org.id, {
      label: xmlText(org.name),
      kind: xmlText(org.kind),
      region: xmlText(org.region),
      depth: org.depth,
      records: org.records,
      compromised: false,
      // false: affected only through contracts marked possible.
      confirmed: org.confirmed,
    });
  }
  for (const contract of result.contracts) {
    if (!graph.hasNode(contract.consignor) || !graph.hasNode(contract.contractor)) continue;
    // An undisclosed count stays absent: never a made-up number.
    graph.addDirectedEdgeWithKey(contract.id, contract.consignor, contract.contractor, {
      ...(contract.records === null ? {} : { records: contract.records }),
      undisclosed: contract.records === null,
      confidence: contract.confidence,
    });
  }
  return write(graph, {
    formatNode: (key, attributes) => ({ label: String(attributes.label ?? key), attributes }),
  });
}
