import { isClientError, isWriteRefused } from "../neo4j/errors.ts";
import { plainValue } from "../neo4j/plainValues.ts";
import { readTransaction } from "../neo4j/read.ts";
import { fail, parseCommand, withDatabase } from "./command.ts";

const USAGE = `Usage: npm run cypher -- 'QUERY' [--params JSON] [--timeout SECONDS]

Runs one read-only Cypher query and prints its rows as a JSON array. The query runs in a
READ transaction: the database itself refuses anything that writes.

  --params JSON      query parameters, e.g. '{"id":"isetoh"}'
  --timeout SECONDS  give up after this long (default 60)

Exit status: 0 rows printed; 1 the query was refused or wrong; 2 the database cannot be reached.`;

const args = parseCommand(
  {
    options: {
      params: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  },
  USAGE,
);
if (args.positionals.length !== 1) fail(`Expected one query, got ${args.positionals.length}.\n\n${USAGE}`, 1);
let params: Record<string, unknown> = {};
try {
  params = args.values.params ? (JSON.parse(args.values.params) as Record<string, unknown>) : {};
} catch (error) {
  fail(`--params is not JSON: ${(error as Error).message}`, 1);
}
const timeoutSeconds = Number(args.values.timeout ?? 60);
if (!(timeoutSeconds > 0)) fail(`--timeout must be a number of seconds > 0, got "${args.values.timeout}"`, 1);

await withDatabase(
  async ({ driver }) => {
    // The user's own query, as given: the read-only session is what keeps it from writing.
    const rows = await readTransaction(
      driver,
      async (tx) => {
        const result = await tx.run(args.positionals[0] as string, params);
        return result.records.map((record) => plainValue(record.toObject()));
      },
      timeoutSeconds * 1000,
    );
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  },
  {
    refusal: (error) => {
      if (isWriteRefused(error)) return "Refused: this query writes, and `npm run cypher` is read-only.";
      if (isClientError(error)) return `The query was refused: ${(error as Error).message}`;
      return undefined;
    },
  },
);
