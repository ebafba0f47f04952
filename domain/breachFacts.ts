import type { BlastRadius } from "./blastRadius.ts";
import type { DatasetStamp } from "./dataset.ts";
import { byCodeUnits } from "./ids.ts";
import type { Incident } from "./incident.ts";
import type { OrganisationName } from "./organisation.ts";
import type { StatedScenario } from "./scenario.ts";

/**
 * What breach response reads of a blast radius (domain/breachResponse.ts): per affected
 * organisation, sums over its counted contracts; per contractor, the consignors of the counted
 * contracts pointing at it. An engine may compute it without building the blast radius itself (the
 * in-memory copy does: the biggest vendor's 446,673 counted contracts never become objects).
 */
export interface BreachFacts {
  id: string;
  name: string;
  kind: string | null;
  /** The data categories of its counted contracts (in any order). */
  dataCategories: string[];
  /** Whether any counted contract holds its data (records unknown, or more than 0). */
  holdsData: boolean;
  /** Persons of its counted contracts whose count is known, and how many counted contracts lack one. */
  persons: number;
  personsUnknown: number;
}

export interface BreachRadius {
  scenario: StatedScenario;
  compromised: Pick<OrganisationName, "id" | "name">[];
  affected: BreachFacts[];
  /** The consignors of the counted contracts pointing at each contractor, sorted by code units. */
  clients: Map<string, string[]>;
  /** Set when the blast radius it was read from was cut to a limit (breach response refuses it). */
  truncated?: BlastRadius["truncated"];
}

/** The facts of a whole blast radius, as any engine answers it. */
export function breachRadiusOf(
  radius: Pick<BlastRadius, "scenario" | "compromised" | "affected" | "contracts" | "truncated">,
): BreachRadius {
  const sums = new Map<string, { holdsData: boolean; persons: number; personsUnknown: number }>();
  const clients = new Map<string, Set<string>>();
  for (const c of radius.contracts) {
    const own = sums.get(c.consignor) ?? { holdsData: false, persons: 0, personsUnknown: 0 };
    sums.set(c.consignor, own);
    if (c.records === null || c.records > 0) own.holdsData = true;
    if (c.subjects === null) own.personsUnknown += 1;
    else own.persons += c.subjects;
    const of = clients.get(c.contractor) ?? new Set<string>();
    clients.set(c.contractor, of);
    of.add(c.consignor);
  }
  return {
    scenario: radius.scenario,
    compromised: radius.compromised.map(({ id, name }) => ({ id, name })),
    affected: radius.affected.map((org) => ({
      id: org.id,
      name: org.name,
      kind: org.kind,
      dataCategories: org.dataCategories,
      ...(sums.get(org.id) ?? { holdsData: false, persons: 0, personsUnknown: 0 }),
    })),
    clients: new Map([...clients].map(([id, of]) => [id, [...of].sort(byCodeUnits)])),
    ...(radius.truncated ? { truncated: radius.truncated } : {}),
  };
}

/**
 * What breach response reads, all from one load of the dataset and stamped with it: the facts of
 * the whole blast radius and the incidents that hit the compromised organisations.
 */
export interface BreachReading {
  dataset: DatasetStamp;
  radius: BreachRadius;
  incidents: Incident[];
}

/** What a packet shows of a counted contract beyond the blast radius's own fields. */
export interface ContractDetail {
  service: string | null;
  dataCategories: string[];
}

/**
 * What packets are written from, all from one load: the whole blast radius (stamped), the
 * incidents that hit the compromised organisations, and the details of the counted contracts.
 */
export interface PacketReading {
  radius: BlastRadius;
  incidents: Incident[];
  contracts: Map<string, ContractDetail>;
}
