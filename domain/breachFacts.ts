import type { BlastRadius } from "./blastRadius.ts";
import type { DatasetStamp } from "./dataset.ts";
import type { Incident } from "./incident.ts";
import type { StatedScenario } from "./scenario.ts";

/**
 * What breach response reads of a blast radius (domain/breachResponse.ts, DOMAIN.md "Breach
 * response"), worked out by the engine that answered the radius, from the same reach: per affected
 * organisation, its own data (the counted contracts it is the consignor of) and the data entrusted
 * to it (the counted contracts on whose chain it is a contractor); per compromised organisation,
 * the data whose chains reach it. The biggest vendor's 446,673 counted contracts never become
 * objects for this.
 */

/** A set of counted contracts, as an assessment reads it. */
export interface DataSet {
  /** Whether one of its contracts holds data (records more than 0, or undisclosed). */
  holdsData: boolean;
  /** The known persons of all its contracts. */
  persons: number;
  /** How many of its contracts that hold data have no count of persons. */
  personsUnknown: number;
  /** The data categories of all its contracts (in any order). */
  categories: string[];
}

export interface OrganisationFacts {
  id: string;
  name: string;
  kind: string | null;
  own: DataSet;
  /** The data it handles for others; null when it is no contractor of a counted contract. */
  entrusted: DataSet | null;
  /** The compromised organisations the chains of its own and entrusted contracts reach, sorted. */
  reaches: string[];
  /** The consignors of the counted contracts pointing at it, sorted (its consignors to tell). */
  clients: string[];
}

export interface CompromisedFacts {
  id: string;
  name: string;
  kind: string | null;
  /** The counted contracts whose chain reaches it; null when none does. */
  entrusted: DataSet | null;
  /** The consignors of the counted contracts pointing at it, sorted. */
  clients: string[];
}

export interface BreachRadius {
  scenario: StatedScenario;
  compromised: CompromisedFacts[];
  /** Sorted by id (the order answers list organisations in). */
  affected: OrganisationFacts[];
}

/**
 * The day an organisation recorded it learned of an incident (exposures.csv `learned_on`): one per
 * incident and organisation, the earliest of its rows (revisions).
 */
export interface LearnedDay {
  incident: string;
  organisation: string;
  learnedOn: string;
}

/**
 * What breach response reads, all from one load of the dataset and stamped with it: the facts of
 * the whole blast radius, the incidents that hit the compromised organisations, and the days the
 * organisations recorded they learned of them.
 */
export interface BreachReading {
  dataset: DatasetStamp;
  radius: BreachRadius;
  incidents: Incident[];
  learned: LearnedDay[];
}

/** What a packet shows of a counted contract beyond the blast radius's own fields. */
export interface ContractDetail {
  service: string | null;
  dataCategories: string[];
}

/**
 * What packets are written from, all from one load: the whole blast radius (stamped), its breach
 * facts, the incidents and learned days, and the details of the counted contracts.
 */
export interface PacketReading extends Omit<BreachReading, "dataset" | "radius"> {
  radius: BlastRadius;
  facts: BreachRadius;
  contracts: Map<string, ContractDetail>;
}
