/** An organisation: a data owner (consignor), a contractor, or both (docs/data-format.md). */
export const KNOWN_KINDS = [
  "prefecture",
  "municipality",
  "bank",
  "shinkin_bank",
  "insurer",
  "health_insurance_society",
  "company",
  "shared_service",
  "print_mail_vendor",
  "it_vendor",
  "logistics_vendor",
  "education",
  "association",
  "aggregate",
  "other",
] as const;

export type KnownKind = (typeof KNOWN_KINDS)[number];

/** Any lowercase token is a kind; KNOWN_KINDS are the ones the product has colours and words for. */
export const KIND_PATTERN = /^[a-z][a-z0-9_]*$/;

export interface Organisation {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string | null;
  sector: string | null;
  region: string | null;
  source: string | null;
}

/** How an answer names an organisation: enough to show and colour it. */
export type OrganisationName = Pick<Organisation, "id" | "name" | "nameEn" | "kind">;

/** An organisation as lists show it: named, coloured and grouped by region. */
export type OrganisationSummary = Pick<Organisation, "id" | "name" | "nameEn" | "kind" | "region">;
