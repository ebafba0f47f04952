import { generateDataset } from "../tools/generate/generator.ts";
import { fail, parseCommand } from "./command.ts";

const USAGE = `Usage: npm run generate -- --organisations N --contracts M [--seed S] DIR

Writes a deterministic synthetic dataset (docs/data-format.md) into DIR: a few vendors with huge
client bases, sub-contracting up to six tiers deep, some cycles, ~5% undisclosed counts.`;

function positiveInteger(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) {
    fail(`--${name} must be a whole number ≥ 1, got "${value ?? ""}"\n\n${USAGE}`, 1);
  }
  return parsed;
}

const args = parseCommand(
  {
    options: {
      organisations: { type: "string" },
      contracts: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  },
  USAGE,
);
const dir = args.positionals[0];
if (args.positionals.length !== 1 || dir === undefined) fail(`Expected one output folder.\n\n${USAGE}`, 1);
const options = {
  organisations: positiveInteger("organisations", args.values.organisations),
  contracts: positiveInteger("contracts", args.values.contracts),
  seed: positiveInteger("seed", args.values.seed, 1),
};
if (options.organisations < 10) fail("--organisations must be at least 10", 1);
const began = Date.now();
await generateDataset(dir, options);
process.stdout.write(
  `Wrote ${options.organisations} organisations and ${options.contracts} contracts (seed ${options.seed}) to ${dir} in ${((Date.now() - began) / 1000).toFixed(1)} s.\n`,
);
