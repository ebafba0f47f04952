import neo4j, { type Driver } from "neo4j-driver";
import type { DatabaseConfig } from "./config.ts";

/**
 * One driver per process. Integers come back as JS numbers: our counts stay far below 2^53.
 * Every session and every `executeQuery` of this driver opens the configured database
 * (NEO4J_DATABASE), unless the caller names one: the one place that choice is made, so no query
 * can reach the server's default database by forgetting it.
 */
export function openDriver(config: DatabaseConfig): Driver {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 20_000,
    connectionTimeout: 10_000,
    // Retries ride out a leader switch or a brief restart; longer waits are the caller's to decide.
    maxTransactionRetryTime: 5_000,
    userAgent: "keiro",
  });
  return config.database ? onDatabase(driver, config.database) : driver;
}

/** The driver with `database` as every session's and query's default. */
function onDatabase(driver: Driver, database: string): Driver {
  const session = driver.session.bind(driver);
  const executeQuery = driver.executeQuery.bind(driver);
  const getServerInfo = driver.getServerInfo.bind(driver);
  driver.session = (config = {}) => session({ database, ...config });
  driver.executeQuery = ((query, parameters, config = {}) =>
    executeQuery(query, parameters, { database, ...config })) as Driver["executeQuery"];
  driver.getServerInfo = (options = {}) => getServerInfo({ database, ...options });
  return driver;
}

/** Waits until the server answers (and accepts our credentials), or throws the last error. */
export async function waitForDatabase(driver: Driver, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
