import type { ContractFacts } from "../../domain/index.ts";
import { datasetDir } from "./database.ts";

/**
 * Small graphs written compactly: `"c1: a -> b 100"` is contract c1 from consignor a to
 * contractor b with 100 records; `?` for undisclosed; `since=2024-01 delete_by=2023
 * carries=c0;c3 confidence=possible` after.
 */
export interface HandGraph {
  organisations: string[];
  contracts: ContractFacts[];
  raw: {
    id: string;
    consignor: string;
    contractor: string;
    records: string;
    subjects: string;
    since: string;
    deleteBy: string;
    /** `;`-separated, as the CSV column. */
    carries?: string;
    /** "possible", or empty (confirmed). */
    confidence?: string;
  }[];
  /** Organisations' kinds; "company" where not given. */
  kinds?: Record<string, string>;
}

export function graph(...lines: string[]): HandGraph {
  const organisations = new Set<string>();
  const raw: HandGraph["raw"] = [];
  for (const line of lines) {
    const match = /^(\S+):\s*(\S+)\s*->\s*(\S+)\s+(\d+|\?)(?:\/(\d+|\?))?((?:\s+\w+=\S+)*)$/.exec(
      line.trim(),
    );
    if (!match) {
      for (const id of line.split(/\s+/).filter(Boolean)) organisations.add(id);
      continue;
    }
    const [, id, consignor, contractor, records, subjects, extra] = match as unknown as string[];
    organisations.add(consignor as string);
    organisations.add(contractor as string);
    const options = Object.fromEntries(
      (extra ?? "")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((kv) => kv.split("=")),
    );
    raw.push({
      id: id as string,
      consignor: consignor as string,
      contractor: contractor as string,
      records: records === "?" ? "" : (records as string),
      subjects: subjects === undefined || subjects === "?" ? "" : subjects,
      since: options.since ?? "",
      deleteBy: options.delete_by ?? "",
      carries: options.carries ?? "",
      confidence: options.confidence ?? "",
    });
  }
  return {
    organisations: [...organisations],
    raw,
    contracts: raw.map((c) => ({
      id: c.id,
      consignor: c.consignor,
      contractor: c.contractor,
      records: c.records === "" ? null : Number(c.records),
      subjects: c.subjects === "" ? null : Number(c.subjects),
      sinceStart: c.since === "" ? null : c.since,
      deleteByEnd: c.deleteBy === "" ? null : c.deleteBy,
      carries: c.carries ? c.carries.split(";") : null,
      confidence: c.confidence === "possible" ? "possible" : null,
    })),
  };
}

/** A dataset folder holding the graph (organisation names are their ids upper-cased). */
export function graphDataset(g: HandGraph): string {
  const orgs = [
    "id,name,kind",
    ...g.organisations.map((id) => `${id},${id.toUpperCase()},${g.kinds?.[id] ?? "company"}`),
  ].join("\n");
  const contracts = [
    "id,consignor,contractor,records,subjects,since,delete_by,carries,confidence",
    ...g.raw.map((c) =>
      [
        c.id,
        c.consignor,
        c.contractor,
        c.records,
        c.subjects,
        c.since,
        c.deleteBy,
        c.carries ?? "",
        c.confidence ?? "",
      ].join(","),
    ),
  ].join("\n");
  return datasetDir({ "organisations.csv": `${orgs}\n`, "outsourcing.csv": `${contracts}\n` });
}
