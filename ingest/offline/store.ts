import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { runAdmin } from "../../neo4j/bundled/admin.ts";
import type { LocalInstance } from "../../neo4j/config.ts";
import type { Converted, ImportFile } from "./csv.ts";

/**
 * Where an offline load works, all inside the instance's folder (one file system, so every move
 * is a rename): the importer writes a whole new store into a data folder of its own, beside the
 * live one, while the server still serves the old graph; only the swap needs the server down.
 * The old store's folders are kept aside as a backup until every later step has succeeded.
 */
export interface StoreLayout {
  /** The database the bundled server serves (the default one, `neo4j`). */
  database: string;
  /** The live data folder (server.directories.data). */
  live: string;
  work: string;
  /** The importer's own data folder: the new store is made here. */
  imported: string;
  /** The old store's folders while the new one is tried. */
  backup: string;
}

/** A store is two folders: its files, and its transaction logs. */
const PARTS = ["databases", "transactions"] as const;

export function storeLayout(instance: LocalInstance, database = "neo4j"): StoreLayout {
  const work = join(instance.dir, "offline");
  return {
    database,
    live: join(instance.dir, "data"),
    work,
    imported: join(work, "data"),
    backup: join(work, "backup"),
  };
}

/** An empty import folder (whatever a killed load left there is of no use). */
export function prepareWork(layout: StoreLayout): void {
  rmSync(layout.imported, { recursive: true, force: true });
  mkdirSync(layout.imported, { recursive: true });
}

/** Removes what the load made besides the live store (not the backup: see discardBackup). */
export function cleanWork(layout: StoreLayout): void {
  rmSync(layout.imported, { recursive: true, force: true });
  for (const file of ["import.conf", "import.report"]) rmSync(join(layout.work, file), { force: true });
}

/**
 * Runs `neo4j-admin database import full` into the load's own data folder. `onStage` hears each
 * of the importer's stages (`(2/4) Relationship import`) and `onPercent` how far it is in it.
 */
export async function importStore(
  instance: LocalInstance,
  layout: StoreLayout,
  converted: Converted,
  report: { onStage: (stage: string) => void; onPercent: (percent: number) => void },
): Promise<void> {
  // The importer reads the instance's neo4j.conf; this file only sends its store elsewhere.
  const config = join(layout.work, "import.conf");
  writeFileSync(config, `server.directories.data=${layout.imported}\n`);
  const source = (file: ImportFile) => `--${file.kind}=${file.label}=${file.path}`;
  const args = [
    "database",
    "import",
    "full",
    // Before the file lists: each takes every argument that follows it as one more file.
    layout.database,
    `--additional-config=${config}`,
    `--report-file=${join(layout.work, "import.report")}`,
    // Absent values are empty fields, stored as no property (ingest/offline/csv.ts).
    "--ignore-empty-strings=true",
    // The rows were validated: any bad entry is a fault of ours, and fails the import.
    "--bad-tolerance=0",
    "--skip-bad-relationships=false",
    "--skip-duplicate-nodes=false",
    "--overwrite-destination=true",
    `--threads=${Math.max(1, cpus().length)}`,
    ...(process.env.KEIRO_IMPORT_MEMORY ? [`--max-off-heap-memory=${process.env.KEIRO_IMPORT_MEMORY}`] : []),
    // Slower, so only when some value spans lines.
    ...(converted.multiline ? ["--multiline-fields=true"] : []),
    ...converted.files.map(source),
  ];
  await runAdmin(instance, args, {
    heap: process.env.KEIRO_IMPORT_HEAP ?? "1g",
    onLine: (line) => {
      const stage = /^\((\d+\/\d+)\) ([A-Za-z ]+?)\s+\d{4}-\d\d-\d\d/.exec(line);
      if (stage) report.onStage(`(${stage[1]}) ${stage[2]}`);
      const percent = /\s(\d{1,3})% ∆/.exec(line);
      if (percent) report.onPercent(Number(percent[1]));
    },
  });
}

const partOf = (root: string, part: (typeof PARTS)[number], database: string) => join(root, part, database);

/** Whether an earlier load swapped a store in and did not finish: its backup is still there. */
export function hasBackup(layout: StoreLayout): boolean {
  return PARTS.some((part) => existsSync(partOf(layout.backup, part, layout.database)));
}

/** With the server down: the live store goes to the backup, the imported one takes its place. */
export function swapIn(layout: StoreLayout): void {
  for (const part of PARTS) mkdirSync(join(layout.backup, part), { recursive: true });
  for (const part of PARTS) {
    const live = partOf(layout.live, part, layout.database);
    if (existsSync(live)) renameSync(live, partOf(layout.backup, part, layout.database));
  }
  for (const part of PARTS) {
    mkdirSync(join(layout.live, part), { recursive: true });
    renameSync(partOf(layout.imported, part, layout.database), partOf(layout.live, part, layout.database));
  }
}

/**
 * With the server down: the backup goes back to where it was, replacing what was swapped in.
 * Part by part, so that a restore interrupted half-way is finished by the next one.
 */
export function restoreBackup(layout: StoreLayout): void {
  for (const part of PARTS) {
    const kept = partOf(layout.backup, part, layout.database);
    if (!existsSync(kept)) continue;
    const live = partOf(layout.live, part, layout.database);
    rmSync(live, { recursive: true, force: true });
    renameSync(kept, live);
  }
  rmSync(layout.backup, { recursive: true, force: true });
}

/** Every step after the swap succeeded: the old store is no longer needed. */
export function discardBackup(layout: StoreLayout): void {
  rmSync(layout.backup, { recursive: true, force: true });
}
