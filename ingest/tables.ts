import { type PartialDate, REGISTER_TABLES, type RegisterTableName } from "../domain/index.ts";
import type { FieldReader } from "./fields.ts";

/**
 * The four files of a dataset, in load order. Each row is parsed into the plain values that
 * are stored: properties exactly as the graph holds them (null = absent), plus the keys that
 * say where the row hangs.
 */
export type Properties = Record<string, string | number | string[] | null>;

/**
 * How each stored property is typed in the graph: text, a count (an integer, stored as a long) or
 * a list of text. Declared once per table so that the offline loader's CSV headers
 * (ingest/offline/csv.ts) are derived from the same table as what `parse` returns: a property
 * `parse` sets that is not declared here, or of another type, does not compile.
 */
export type PropertyType = "string" | "long" | "string[]";
type ValueOf<T extends PropertyType> = T extends "long" ? number : T extends "string[]" ? string[] : string;
export type PropertiesOf<D extends Record<string, PropertyType>> = { [K in keyof D]: ValueOf<D[K]> | null };

const ORGANISATION_PROPERTIES = {
  name: "string",
  nameEn: "string",
  kind: "string",
  sector: "string",
  region: "string",
  source: "string",
} as const satisfies Record<string, PropertyType>;

const CONTRACT_PROPERTIES = {
  service: "string",
  records: "long",
  subjects: "long",
  dataCategories: "string[]",
  since: "string",
  sinceStart: "string",
  until: "string",
  untilEnd: "string",
  deleteBy: "string",
  deleteByEnd: "string",
  carries: "string[]",
  confidence: "string",
  source: "string",
} as const satisfies Record<string, PropertyType>;

const INCIDENT_PROPERTIES = {
  kind: "string",
  discovered: "string",
  discoveredEnd: "string",
  disclosed: "string",
  actor: "string",
  source: "string",
} as const satisfies Record<string, PropertyType>;

const EXPOSURE_PROPERTIES = {
  records: "long",
  subjects: "long",
  grossRecords: "long",
  dataCategories: "string[]",
  status: "string",
  reportedOn: "string",
  learnedOn: "string",
  source: "string",
} as const satisfies Record<string, PropertyType>;

export interface ParsedRow {
  /** Unique within the file; what MERGE matches on. */
  key: string;
  /** Ids this row points at, by the file that must hold them. */
  refs: { table: TableName; id: string; column: string }[];
  /** A sub-contract's `carries`: contracts of the same file, each into this row's consignor. */
  carries?: { consignor: string; contractor: string; ids: string[] };
  /** What the loader sends. */
  params: Record<string, string | Properties | null>;
}

export type TableName = RegisterTableName;

export interface TableSpec {
  name: TableName;
  file: string;
  optional: boolean;
  required: readonly string[];
  /** The properties `parse` returns in `params.props`, with their stored types. */
  properties: Readonly<Record<string, PropertyType>>;
  parse(fields: FieldReader): ParsedRow;
}

const fileOf = (name: TableName): string => REGISTER_TABLES.find((t) => t.name === name)?.file ?? name;

const day = (date: PartialDate | null, which: "firstDay" | "lastDay") => (date ? date[which] : null);

export const TABLES: readonly TableSpec[] = [
  {
    name: "organisations",
    file: fileOf("organisations"),
    optional: false,
    required: ["id", "name"],
    properties: ORGANISATION_PROPERTIES,
    parse(f) {
      const id = f.id("id");
      const props: PropertiesOf<typeof ORGANISATION_PROPERTIES> = {
        name: f.text("name", true),
        nameEn: f.text("name_en"),
        kind: f.kind("kind"),
        sector: f.text("sector"),
        region: f.text("region"),
        source: f.text("source"),
      };
      return { key: id, refs: [], params: { id, props } };
    },
  },
  {
    name: "contracts",
    file: fileOf("contracts"),
    optional: false,
    required: ["id", "consignor", "contractor"],
    properties: CONTRACT_PROPERTIES,
    parse(f) {
      const id = f.id("id");
      const consignor = f.id("consignor");
      const contractor = f.id("contractor");
      const since = f.date("since");
      const until = f.date("until");
      const deleteBy = f.date("delete_by");
      const carries = f.ids("carries");
      const props: PropertiesOf<typeof CONTRACT_PROPERTIES> = {
        service: f.text("service"),
        records: f.count("records"),
        subjects: f.count("subjects"),
        dataCategories: f.categories("data_categories"),
        since: since?.text ?? null,
        sinceStart: day(since, "firstDay"),
        until: until?.text ?? null,
        untilEnd: day(until, "lastDay"),
        deleteBy: deleteBy?.text ?? null,
        deleteByEnd: day(deleteBy, "lastDay"),
        // Empty means all of the consignor's data, stored as no property at all.
        carries: carries.length > 0 ? carries : null,
        // Confirmed is the default, stored as no property: a graph loaded before reads the same.
        confidence: f.confidence("confidence") === "possible" ? "possible" : null,
        source: f.text("source"),
      };
      return {
        key: id,
        refs: [
          { table: "organisations", id: consignor, column: "consignor" },
          { table: "organisations", id: contractor, column: "contractor" },
        ],
        carries: { consignor, contractor, ids: carries },
        params: { id, consignor, contractor, props },
      };
    },
  },
  {
    name: "incidents",
    file: fileOf("incidents"),
    optional: true,
    required: ["id", "victim"],
    properties: INCIDENT_PROPERTIES,
    parse(f) {
      const id = f.id("id");
      const victim = f.id("victim");
      const discovered = f.date("discovered");
      const disclosed = f.date("disclosed");
      const props: PropertiesOf<typeof INCIDENT_PROPERTIES> = {
        kind: f.text("kind"),
        discovered: discovered?.text ?? null,
        discoveredEnd: day(discovered, "lastDay"),
        disclosed: disclosed?.text ?? null,
        actor: f.text("actor"),
        source: f.text("source"),
      };
      return {
        key: id,
        refs: [{ table: "organisations", id: victim, column: "victim" }],
        params: { id, victim, props },
      };
    },
  },
  {
    name: "exposures",
    file: fileOf("exposures"),
    optional: true,
    required: ["incident", "organisation"],
    properties: EXPOSURE_PROPERTIES,
    parse(f) {
      const incident = f.id("incident");
      const organisation = f.id("organisation");
      const reportedOn = f.date("reported_on");
      // An organisation may report several times (revisions); the report date tells them apart.
      const key = `${incident}|${organisation}|${reportedOn?.text ?? ""}`;
      const props: PropertiesOf<typeof EXPOSURE_PROPERTIES> = {
        records: f.count("records"),
        subjects: f.count("subjects"),
        grossRecords: f.count("gross_records"),
        dataCategories: f.categories("data_categories"),
        status: f.status("status"),
        reportedOn: reportedOn?.text ?? null,
        // The first day the organisation was told, or found, that its data had or may have leaked.
        learnedOn: f.day("learned_on"),
        source: f.text("source"),
      };
      return {
        key,
        refs: [
          { table: "incidents", id: incident, column: "incident" },
          { table: "organisations", id: organisation, column: "organisation" },
        ],
        params: { key, incident, organisation, props },
      };
    },
  },
];
