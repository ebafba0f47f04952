import neo4j, { type Driver } from "neo4j-driver";
import type { DatabaseConfig } from "./config.ts";

/** One driver per process. Integers come back as JS numbers: our counts stay far below 2^53. */
export function openDriver(config: DatabaseConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 20_000,
    connectionTimeout: 10_000,
    // Retries ride out a leader switch or a brief restart; longer waits are the caller's to decide.
    maxTransactionRetryTime: 5_000,
    userAgent: "keiro",
  });
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
