import { parseArgs } from "node:util";
import { generateDataset } from "./generator.ts";

const USAGE = `Usage: npm run generate -- --organisations N --contracts M [--seed S] DIR

Writes a deterministic synthetic dataset (DOMAIN.md format) into DIR: a few vendors with huge
client bases, sub-contracting up to six tiers deep, some cycles, ~5% undisclosed counts.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(1);
}

function positiveInteger(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    fail(`--${name} must be a whole number ≥ 1, got "${value ?? ""}"`);
  return parsed;
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs({
    options: {
      organisations: { type: "string" },
      contracts: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
} catch (error) {
  fail((error as Error).message);
}
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.positionals.length !== 1) fail("Expected one output folder.");
const options = {
  organisations: positiveInteger("organisations", args.values.organisations as string | undefined),
  contracts: positiveInteger("contracts", args.values.contracts as string | undefined),
  seed: positiveInteger("seed", args.values.seed as string | undefined, 1),
};
if (options.organisations < 10) fail("--organisations must be at least 10");
const began = Date.now();
await generateDataset(args.positionals[0] as string, options);
process.stdout.write(
  `Wrote ${options.organisations} organisations and ${options.contracts} contracts (seed ${options.seed}) to ${args.positionals[0]} in ${((Date.now() - began) / 1000).toFixed(1)} s.\n`,
);
