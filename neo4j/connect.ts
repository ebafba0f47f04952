import type { Driver } from "neo4j-driver";
import { ConfigError, type DatabaseConfig, databaseConfig } from "./config.ts";
import { openDriver } from "./driver.ts";
import { isAuthFailure, isDatabaseMissing, isForbidden, isUnreachable } from "./errors.ts";

/** Exit code of every command when the database cannot be reached (README, Commands). */
export const EXIT_UNREACHABLE = 2;

export interface Connection {
  driver: Driver;
  config: DatabaseConfig;
}

export function connect(): Connection {
  const config = databaseConfig();
  return { driver: openDriver(config), config };
}

/**
 * A connection whose server has answered once: commands fail at once with exit 2 when the
 * database is away, instead of after the driver's transaction retries.
 */
export async function connectChecked(): Promise<Connection> {
  const connection = connect();
  try {
    await connection.driver.getServerInfo();
    return connection;
  } catch (error) {
    await connection.driver.close();
    throw Object.assign(error as Error, { uri: connection.config.uri });
  }
}

/** The URI a failed connectChecked() tried. */
export function uriOf(error: unknown, fallback?: string): string | undefined {
  return (error as { uri?: string }).uri ?? fallback;
}

/** A sentence for a person when the database is unreachable or refuses us; undefined otherwise. */
export function describeConnectionProblem(error: unknown, uri: string | undefined): string | undefined {
  if (error instanceof ConfigError) return error.message;
  const where = uri ?? "(no URI)";
  if (isUnreachable(error)) {
    return `Cannot reach the database at ${where}. Start the bundled one with \`npm run db:start\`, or check NEO4J_URI.`;
  }
  if (isAuthFailure(error)) {
    return `The database at ${where} refused the credentials. Check NEO4J_USER and NEO4J_PASSWORD (or the bundled server's .neo4j password file).`;
  }
  if (isDatabaseMissing(error)) {
    return `The server at ${where} has no database "${process.env.NEO4J_DATABASE ?? ""}". Check NEO4J_DATABASE (unset, the server's default database is used).`;
  }
  if (isForbidden(error)) {
    return `The server at ${where} does not allow NEO4J_USER "${process.env.NEO4J_USER ?? "neo4j"}" to write or change the schema. A read-only user (role \`reader\`) can answer (\`npm run serve\`, \`impact\`, \`cypher\`); loading needs a user with the \`architect\` role (see README, Configuration).`;
  }
  return undefined;
}
