import { type ParseArgsConfig, parseArgs } from "node:util";
import {
  type Parameter,
  ParameterError,
  parseScenario,
  ReloadNeededError,
  SCENARIO_PARAMETERS,
  type Scenario,
  type ScenarioInput,
} from "../domain/index.ts";
import {
  type Connection,
  connectChecked,
  describeConnectionProblem,
  EXIT_UNREACHABLE,
  uriOf,
} from "../neo4j/connect.ts";

/** The parseArgs option of each parameter of a table, by name (so that the values are typed). */
type OptionsOf<P extends readonly Parameter[]> = {
  [K in P[number] as K["name"]]: K["kind"] extends "ids"
    ? { type: "string"; multiple: true }
    : K["kind"] extends "flag"
      ? { type: "boolean" }
      : { type: "string" };
};

/** The command-line options of a table of parameters: ids repeat, a flag is a switch, the rest take text. */
export function optionsOf<const P extends readonly Parameter[]>(parameters: P): OptionsOf<P> {
  return Object.fromEntries(
    parameters.map((p) => [
      p.name,
      p.kind === "ids"
        ? { type: "string", multiple: true }
        : p.kind === "flag"
          ? { type: "boolean" }
          : { type: "string" },
    ]),
  ) as OptionsOf<P>;
}

/** The scenario the command line gave, by the scenario table's names. */
export function scenarioOf(values: Record<string, unknown>): Scenario {
  const input = Object.fromEntries(SCENARIO_PARAMETERS.map((p) => [p.name, values[p.name]]));
  return parseScenario(input as ScenarioInput);
}

/** A parameter's value as `parse` reads it; a refused one exits 1 with its message. */
export function checked<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ParameterError) fail(error.message, 1);
    throw error;
  }
}

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

/**
 * Runs a command's work against the database and closes the driver afterwards. The database is
 * asked once first, so a command fails at once with exit 2 and a sentence when it is away or
 * refuses the credentials; a refused parameter, or a graph to load again, exits 1 with its
 * message. `refusal` may turn other errors into a message for exit 1.
 */
export async function withDatabase(
  work: (connection: Connection) => Promise<void>,
  options: {
    unreachable?: string;
    /** A message for exit 1, or a message with its own exit code. */
    refusal?: (error: unknown) => string | { message: string; code: number } | undefined;
  } = {},
): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = await connectChecked();
    await work(connection);
  } catch (error) {
    if (error instanceof ParameterError || error instanceof ReloadNeededError) fail(error.message, 1);
    const problem = describeConnectionProblem(error, uriOf(error, connection?.config.uri));
    if (problem) fail(`${problem}${options.unreachable ?? ""}`, EXIT_UNREACHABLE);
    const refused = options.refusal?.(error);
    if (typeof refused === "string") fail(refused, 1);
    if (refused !== undefined) fail(refused.message, refused.code);
    throw error;
  } finally {
    await connection?.driver.close();
  }
}
