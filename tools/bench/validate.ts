/**
 * Times validation with the offline loader's conversion, as `npm run ingest -- DIR --offline`
 * runs it (bin/ingest.ts readSource: validateSource with ImportCsvWriter.row as `onParsed`), on a
 * dataset folder, without Neo4j. Prints seconds and rows/s per run, and a sha256 over the problems
 * and the importer's CSV files written: two checkouts that convert alike print the same digest.
 *
 *   npx tsx tools/bench/validate.ts DIR [RUNS]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tools/bench/validate.ts DIR 1
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { formatProblem, validateDataset } from "../../ingest/dataset.ts";
import { ImportCsvWriter } from "../../ingest/offline/csv.ts";

const [dir, runsArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("Usage: npx tsx tools/bench/validate.ts DIR [RUNS]\n");
  process.exit(2);
}
const runs = Number(runsArg ?? 1);

for (let run = 1; run <= runs; run += 1) {
  const out = mkdtempSync(join(tmpdir(), "keiro-bench-validate-"));
  try {
    const writer = new ImportCsvWriter(out);
    let heard = 0;
    const load = loadavg()[0]?.toFixed(2);
    const began = performance.now();
    const dataset = await validateDataset(
      dir,
      () => {
        heard += 1;
      },
      undefined,
      (spec, row) => writer.row(spec, row),
    );
    const converted = await writer.close();
    const seconds = (performance.now() - began) / 1000;
    const rows = Object.values(dataset.rows).reduce((a, b) => a + b, 0);
    const digest = createHash("sha256");
    for (const problem of dataset.problems) digest.update(`${formatProblem(problem)}\n`);
    digest.update(`${dataset.problemCount} ${dataset.fingerprint} ${converted.multiline}\n`);
    for (const file of converted.files) {
      digest.update(`${file.kind} ${file.label} ${file.path.slice(out.length)}\n`);
      digest.update(readFileSync(file.path));
    }
    process.stdout.write(
      `run ${run}: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s ` +
        `(${rows} rows, ${heard} heard, ${dataset.problemCount} problems, load ${load} → ${loadavg()[0]?.toFixed(2)}) ` +
        `digest ${digest.digest("hex").slice(0, 16)}\n`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
