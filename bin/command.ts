import { type ParseArgsConfig, parseArgs } from "node:util";

/** Says what went wrong on standard error and exits with the command's documented code. */
export function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Parses the command line; a mistake in it exits 1 with the usage, `--help` prints the usage
 * and exits 0. Every command declares `help` itself, so it shows in its options.
 */
export function parseCommand<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`, 1);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}
