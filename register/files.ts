import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes files through temporary names beside them and renames them into place once all are
 * written: a failed or interrupted export leaves the files that were there (or none), never half
 * of one. The temporary names start with a dot and end in `.partial`, so no loader takes them
 * for a table.
 */
export async function replaceAtomically<T>(
  paths: readonly string[],
  write: (temporary: string[]) => Promise<T>,
) {
  const tag = randomBytes(4).toString("hex");
  const temporary = paths.map((path) => join(dirname(path), `.${basename(path)}.${tag}.partial`));
  try {
    const result = await write(temporary);
    for (const [index, path] of paths.entries()) await rename(temporary[index] as string, path);
    return result;
  } finally {
    await Promise.all(temporary.map((path) => rm(path, { force: true })));
  }
}
