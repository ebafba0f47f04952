import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { ParsedRow, PropertyType, TableName, TableSpec } from "../tables.ts";

/**
 * The validated rows as the CSV files of Neo4j's offline importer (`neo4j-admin database import
 * full`), shaped as the online loader's queries store them (cypher/ingest/staged/*.cypher): an
 * organisation or incident is a node keyed by its id, a contract an OUTSOURCES_TO relationship
 * with its `id`, an incident's victim a HIT relationship, an exposure an EXPOSED relationship with
 * its `key`. The property columns come from the table's declared properties (ingest/tables.ts):
 * a count is a long, a list a string[], an absent value (null, or an empty list, as storedRow has
 * it) an empty field, which the importer is told to store as no property (--ignore-empty-strings).
 */

/** The importer's list separator (its default); no listed value can hold it (ingest/fields.ts splits on it). */
const ARRAY_DELIMITER = ";";

/** One file the importer reads: `--nodes=LABEL=FILE` or `--relationships=TYPE=FILE`. */
export interface ImportFile {
  kind: "nodes" | "relationships";
  label: string;
  path: string;
}

/** The leading columns of one output of a table: its ids (and key) before the properties. */
interface Output {
  kind: ImportFile["kind"];
  label: string;
  name: string;
  head: string[];
  /** The leading fields of a row, from its params (ids: never more than one line, ingest/fields.ts). */
  lead: (params: Record<string, unknown>) => string[];
  withProperties: boolean;
}

const text = (value: unknown) => quote(String(value));

const OUTPUTS: Record<TableName, Output[]> = {
  organisations: [
    {
      kind: "nodes",
      label: "Organisation",
      name: "organisations",
      head: ["id:ID(Organisation)"],
      lead: (p) => [text(p.id)],
      withProperties: true,
    },
  ],
  contracts: [
    {
      kind: "relationships",
      label: "OUTSOURCES_TO",
      name: "contracts",
      head: [":START_ID(Organisation)", ":END_ID(Organisation)", "id"],
      lead: (p) => [text(p.consignor), text(p.contractor), text(p.id)],
      withProperties: true,
    },
  ],
  incidents: [
    {
      kind: "nodes",
      label: "Incident",
      name: "incidents",
      head: ["id:ID(Incident)"],
      lead: (p) => [text(p.id)],
      withProperties: true,
    },
    {
      kind: "relationships",
      label: "HIT",
      name: "hits",
      head: [":START_ID(Incident)", ":END_ID(Organisation)"],
      lead: (p) => [text(p.id), text(p.victim)],
      withProperties: false,
    },
  ],
  exposures: [
    {
      kind: "relationships",
      label: "EXPOSED",
      name: "exposures",
      head: [":START_ID(Incident)", ":END_ID(Organisation)", "key"],
      lead: (p) => [text(p.incident), text(p.organisation), text(p.key)],
      withProperties: true,
    },
  ],
};

function quote(value: string): string {
  // Most values hold no quote: the check is cheaper than replaceAll's copy (a million rows).
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** A property's header: `name`, `name:long`, `name:string[]`. */
function headerOf(name: string, type: PropertyType): string {
  return type === "string" ? name : `${name}:${type}`;
}

/** The fields of a row's properties in the header's order, and whether one spans lines. */
function propertyFields(props: Record<string, unknown>, names: string[], out: string[]): boolean {
  let multiline = false;
  for (const name of names) {
    const value = props[name];
    if (value === null || value === undefined) out.push("");
    else if (typeof value === "number") out.push(String(value));
    else if (Array.isArray(value)) {
      if (value.length === 0) out.push("");
      else {
        const joined = value.join(ARRAY_DELIMITER);
        if (/[\r\n]/.test(joined)) multiline = true;
        out.push(quote(joined));
      }
    } else {
      const s = String(value);
      if (/[\r\n]/.test(s)) multiline = true;
      out.push(quote(s));
    }
  }
  return multiline;
}

/** A buffered file writer that waits for the disk when its buffer is full. */
class CsvFile {
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
  }

  /** Buffers a line; a promise when the buffer went to a disk that asks to be waited for. */
  line(fields: string[]): Promise<void> | undefined {
    const line = `${fields.join(",")}\n`;
    this.chunk.push(line);
    this.size += line.length;
    return this.size >= 1 << 20 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    const data = this.chunk.join("");
    this.chunk = [];
    this.size = 0;
    if (!this.stream.write(data)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

export interface Converted {
  files: ImportFile[];
  /** Some value spans lines: the importer must be told (it is slower then). */
  multiline: boolean;
}

/**
 * Writes rows as importer CSV files in `dir`, one output file or two per table, as validation
 * parses them (ingest/dataset.ts `onParsed`): the rows converted are exactly the rows checked
 * (validation's own second read, hashed against the first), and the files are parsed once.
 * Nothing written here is used unless the whole dataset validated.
 */
export class ImportCsvWriter {
  private readonly tables = new Map<
    TableName,
    { outputs: { output: Output; csv: CsvFile }[]; names: string[] }
  >();
  private readonly converted: Converted = { files: [], multiline: false };

  constructor(private readonly dir: string) {}

  /** Takes one parsed row; returns a promise only when the disk must be waited for. */
  row(spec: TableSpec, row: ParsedRow): Promise<void> | undefined {
    const table = this.tables.get(spec.name) ?? this.open(spec);
    const waiting: Promise<void>[] = [];
    for (const { output, csv } of table.outputs) {
      const fields = output.lead(row.params);
      if (output.withProperties) {
        const props = (row.params.props ?? {}) as Record<string, unknown>;
        if (propertyFields(props, table.names, fields)) this.converted.multiline = true;
      }
      const flushed = csv.line(fields);
      if (flushed) waiting.push(flushed);
    }
    return waiting.length > 0 ? Promise.all(waiting).then(() => {}) : undefined;
  }

  private open(spec: TableSpec) {
    const names = Object.keys(spec.properties);
    const headers = names.map((name) => headerOf(name, spec.properties[name] as PropertyType));
    const outputs = OUTPUTS[spec.name].map((output) => {
      const csv = new CsvFile(join(this.dir, `${output.name}.csv`));
      this.converted.files.push({ kind: output.kind, label: output.label, path: csv.path });
      csv.line(output.withProperties ? [...output.head, ...headers] : output.head);
      return { output, csv };
    });
    const table = { outputs, names };
    this.tables.set(spec.name, table);
    return table;
  }

  /** Every file written to its end. */
  async close(): Promise<Converted> {
    for (const { outputs } of this.tables.values()) for (const { csv } of outputs) await csv.close();
    return this.converted;
  }
}

/** The one LoadLock node the new store starts with (see ingest/offline/pipeline.ts for why). */
export async function writeLockNode(
  dir: string,
  lock: { owner: string; host: string; pid: number; since: string; leaseUntil: string },
): Promise<ImportFile> {
  const csv = new CsvFile(join(dir, "load-lock.csv"));
  await csv.line([
    "id:ID(LoadLock)",
    "owner",
    "host",
    "pid:long",
    "since",
    "leaseUntil",
    "committing:boolean",
  ]);
  await csv.line([
    quote("load"),
    quote(lock.owner),
    quote(lock.host),
    String(lock.pid),
    quote(lock.since),
    quote(lock.leaseUntil),
    "true",
  ]);
  await csv.close();
  return { kind: "nodes", label: "LoadLock", path: csv.path };
}
