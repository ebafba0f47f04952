import type { Driver } from "neo4j-driver";
import { ConfigError, type DatabaseConfig, databaseConfig } from "./config.ts";
import { openDriver } from "./driver.ts";
import { isAuthFailure, isUnreachable } from "./errors.ts";

/** Exit code of every command when the database cannot be reached (DOMAIN.md). */
export const EXIT_UNREACHABLE = 2;

export interface Connection {
  driver: Driver;
  config: DatabaseConfig;
}

export function connect(): Connection {
  const config = databaseConfig();
  return { driver: openDriver(config), config };
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
  return undefined;
}
