import { datasetDir } from "./database.ts";

/**
 * Hand-made datasets for breach response, written compactly:
 * organisations `"id:kind"` (a name may follow: `"id:kind:Name"`), contracts
 * `"c1: a -> v 10/101 name;health_check"` (records/subjects, `?` for undisclosed, then the data
 * categories, then `carries=c0;c3`), incidents `"i1 v ransomware 2024-05"` (kind and discovered
 * may be `-` for empty), and the days organisations learned of an incident `"i1 a 2024-06-10"`
 * (an exposure row with `learned_on`).
 */
export interface BreachGraph {
  organisations: string[];
  contracts: string[];
  incidents?: string[];
  learned?: string[];
}

const csv = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function breachDataset(g: BreachGraph): string {
  const orgs = g.organisations.map((line) => {
    const [id, kind, ...name] = line.split(":");
    return [id, name.join(":") || (id as string).toUpperCase(), kind].map((c) => csv(c ?? "")).join(",");
  });
  const contracts = g.contracts.map((line) => {
    const m =
      /^(\S+):\s*(\S+)\s*->\s*(\S+)\s+(\d+|\?)\/(\d+|\?)(?:\s+([a-z_;]+))?(?:\s+carries=(\S+))?$/.exec(
        line.trim(),
      );
    if (!m) throw new Error(`not a contract line: ${line}`);
    const [, id, consignor, contractor, records, subjects, categories, carries] = m as unknown as string[];
    const count = (v: string | undefined) => (v === "?" || v === undefined ? "" : v);
    return [id, consignor, contractor, count(records), count(subjects), categories ?? "", carries ?? ""].join(
      ",",
    );
  });
  const incidents = (g.incidents ?? []).map((line) => {
    const [id, victim, kind, discovered] = line.split(/\s+/);
    const dash = (v: string | undefined) => (v === "-" || v === undefined ? "" : v);
    return [id, victim, dash(kind), dash(discovered)].join(",");
  });
  const files: Record<string, string> = {
    "organisations.csv": `id,name,kind\n${orgs.join("\n")}\n`,
    "outsourcing.csv": `id,consignor,contractor,records,subjects,data_categories,carries\n${contracts.join("\n")}\n`,
  };
  if (incidents.length > 0) files["incidents.csv"] = `id,victim,kind,discovered\n${incidents.join("\n")}\n`;
  const learned = (g.learned ?? []).map((line) => line.trim().split(/\s+/).join(","));
  if (learned.length > 0)
    files["exposures.csv"] =
      `incident,organisation,learned_on,status\n${learned.map((l) => `${l},possible`).join("\n")}\n`;
  return datasetDir(files);
}
