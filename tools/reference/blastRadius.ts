import { MultiDirectedGraph } from "graphology";
import {
  type AffectedOrganisation,
  asOfDay,
  type BlastRadiusTotals,
  type ContractFacts,
  carriesData,
  estimateUndisclosed,
  isActive,
  type Scenario,
  type UndisclosedEstimate,
} from "../../domain/index.ts";

/** The figures of one affected organisation, without names or reports. */
export type ReferenceAffected = Pick<
  AffectedOrganisation,
  "id" | "depth" | "records" | "subjects" | "undisclosed" | "path" | "chain"
>;

export interface ReferenceResult {
  affected: ReferenceAffected[];
  totals: BlastRadiusTotals;
  /** ℓ of every contract that reaches the compromised set, by id. */
  reach: Map<string, number>;
  /** The counted contracts. */
  counted: ContractFacts[];
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

const byContractorThenId = (a: ContractFacts, b: ContractFacts) =>
  a.contractor < b.contractor ? -1 : a.contractor > b.contractor ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * docs/blast-radius.md's arithmetic written as plainly as possible over graphology, to check both
 * engines against: a breadth-first search over contracts, from the contracts into the compromised
 * set up through the contracts each sub-contract carries. `chains: false` leaves paths and chains
 * empty (the bench's baseline, which times the search and the sums).
 */
export function referenceBlastRadius(
  graph: MultiDirectedGraph,
  scenario: Scenario,
  options: { chains: boolean } = { chains: true },
): ReferenceResult {
  const asOf = asOfDay(scenario);
  const facts = (edge: string) => graph.getEdgeAttributes(edge) as ContractFacts;
  const active = (contract: ContractFacts) => isActive(contract, scenario, asOf);
  const compromised = new Set(scenario.compromised);
  const limit = scenario.maxDepth ?? Number.POSITIVE_INFINITY;

  // Step 2: ℓ(k) = 1 when k's contractor is compromised, else 1 + the least ℓ of an active
  // contract out of its contractor that carries it. Breadth-first, so the first ℓ is the least.
  const reach = new Map<string, number>();
  let frontier: ContractFacts[] = [];
  for (const id of compromised) {
    if (!graph.hasNode(id)) continue;
    graph.forEachInEdge(id, (edge) => {
      const contract = facts(edge);
      if (active(contract) && !reach.has(contract.id)) {
        reach.set(contract.id, 1);
        frontier.push(contract);
      }
    });
  }
  // An unscoped sub-contract carries every contract into its consignor: once one has, later
  // ones have nothing to add, so each consignor is opened once.
  const opened = new Set<string>(compromised);
  for (let level = 2; frontier.length > 0 && level <= limit; level++) {
    const next: ContractFacts[] = [];
    const arrive = (contract: ContractFacts) => {
      if (!reach.has(contract.id) && active(contract)) {
        reach.set(contract.id, level);
        next.push(contract);
      }
    };
    for (const carrier of frontier) {
      if (carrier.carries !== null && carrier.carries.length > 0) {
        // A scoped sub-contract: the contracts it lists (edges are keyed by contract id).
        for (const id of carrier.carries) if (graph.hasEdge(id)) arrive(facts(id));
      } else if (!opened.has(carrier.consignor)) {
        opened.add(carrier.consignor);
        graph.forEachInEdge(carrier.consignor, (edge) => arrive(facts(edge)));
      }
    }
    frontier = next;
  }

  // Steps 3–5: depth, counted contracts and the sums, per organisation outside C.
  const counted: ContractFacts[] = [];
  const countedOf = new Map<string, ContractFacts[]>();
  const byOrg = new Map<string, ReferenceAffected>();
  graph.forEachEdge((edge) => {
    const contract = facts(edge);
    const length = reach.get(contract.id);
    if (length === undefined || length > limit || compromised.has(contract.consignor)) return;
    counted.push(contract);
    const own = countedOf.get(contract.consignor) ?? [];
    own.push(contract);
    countedOf.set(contract.consignor, own);
    const org = byOrg.get(contract.consignor) ?? {
      id: contract.consignor,
      depth: length,
      records: 0,
      subjects: 0,
      undisclosed: 0,
      path: [],
      chain: [],
    };
    org.depth = Math.min(org.depth, length);
    if (contract.records === null) org.undisclosed += 1;
    else org.records += contract.records;
    org.subjects += contract.subjects ?? 0;
    byOrg.set(org.id, org);
  });

  // The chain: at each step the contract of least ℓ, ties broken by contractor id, then contract id.
  for (const org of options.chains ? byOrg.values() : []) {
    let step = (countedOf.get(org.id) ?? [])
      .filter((c) => reach.get(c.id) === org.depth)
      .sort(byContractorThenId)[0];
    org.path.push(org.id);
    while (step) {
      org.chain.push(step.id);
      org.path.push(step.contractor);
      const length = reach.get(step.id) as number;
      if (length === 1) break;
      const carried: ContractFacts = step;
      step = graph
        .outEdges(step.contractor)
        .map(facts)
        .filter((next) => reach.get(next.id) === length - 1 && carriesData(next, carried))
        .sort(byContractorThenId)[0];
    }
  }

  const affected = [...byOrg.values()].sort(
    (a, b) => a.depth - b.depth || b.records - a.records || (a.id < b.id ? -1 : 1),
  );
  const totals: BlastRadiusTotals = {
    organisations: affected.length,
    contracts: counted.length,
    records: counted.reduce((sum, c) => sum + (c.records ?? 0), 0),
    subjects: counted.reduce((sum, c) => sum + (c.subjects ?? 0), 0),
    undisclosedContracts: counted.filter((c) => c.records === null).length,
    undisclosedSubjectContracts: counted.filter((c) => c.subjects === null).length,
  };
  return { affected, totals, reach, counted };
}

/**
 * An answer's confirmed part as DOMAIN.md words it: the same scenario with every possible
 * contract left out — its totals, and the organisations affected in it.
 */
export function referenceConfirmed(
  graph: MultiDirectedGraph,
  scenario: Scenario,
): { totals: BlastRadiusTotals; affected: Set<string> } {
  const part = referenceBlastRadius(graph, { ...scenario, confirmedOnly: true }, { chains: false });
  return { totals: part.totals, affected: new Set(part.affected.map((a) => a.id)) };
}

/**
 * The estimate's input as DOMAIN.md words it, gathered plainly: the counted contracts with their
 * consignor's kind, and the peers — the known counts > 0 of the scenario's active contracts by
 * consignor kind — then the one estimate function every engine calls.
 */
export function referenceEstimate(
  graph: MultiDirectedGraph,
  scenario: Scenario,
  result: ReferenceResult,
  kindOf: (organisation: string) => string | null,
): UndisclosedEstimate | null {
  const asOf = asOfDay(scenario);
  const records = new Map<string | null, number[]>();
  const subjects = new Map<string | null, number[]>();
  const add = (pool: Map<string | null, number[]>, kind: string | null, value: number | null) => {
    if (value === null || !(value > 0)) return;
    const list = pool.get(kind);
    if (list) list.push(value);
    else pool.set(kind, [value]);
  };
  graph.forEachEdge((edge) => {
    const contract = graph.getEdgeAttributes(edge) as ContractFacts;
    if (!isActive(contract, scenario, asOf)) return;
    add(records, kindOf(contract.consignor), contract.records);
    add(subjects, kindOf(contract.consignor), contract.subjects);
  });
  return estimateUndisclosed({
    contracts: result.counted.map((c) => ({
      kind: kindOf(c.consignor),
      records: c.records,
      subjects: c.subjects,
    })),
    totals: result.totals,
    peers: { records, subjects },
  });
}
