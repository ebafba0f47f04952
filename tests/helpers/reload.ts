import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { type CopyBuilt, InMemoryEngine } from "../../engine/inMemoryEngine.ts";
import { databaseConfig } from "../../neo4j/config.ts";
import { type GeneratorOptions, generateDataset } from "../../tools/generate/generator.ts";
import { startCommand } from "./database.ts";

/** A generated dataset in a folder of its own, with `extra` files (name → text) written beside it. */
export async function generatedDataset(
  options: GeneratorOptions,
  extra: Record<string, string> = {},
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "keiro-consistent-"));
  await generateDataset(dir, options);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

/** What an answer looks like once it has crossed HTTP. */
export const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

/**
 * The in-memory engine as the API runs it (its copies built in a worker thread), warmed on the
 * current load; `builds` collects every copy it builds, the warm one first.
 */
export async function warmEngine(
  driver: Driver,
  onError?: (error: unknown) => void,
): Promise<{ engine: InMemoryEngine; builds: CopyBuilt[] }> {
  const builds: CopyBuilt[] = [];
  const engine = new InMemoryEngine(driver, {
    timeoutMs: 30_000,
    worker: databaseConfig(),
    onBuilt: (event) => builds.push(event),
    onError,
  });
  await engine.warm();
  return { engine, builds };
}

/** What `bin/ingest.ts --replace` said once it was done. */
export type Loaded = Awaited<ReturnType<typeof startCommand>>;

/** The outcomes of one ask, each promise's settled. */
export type Outcomes<T extends readonly unknown[]> = {
  -readonly [K in keyof T]: PromiseSettledResult<Awaited<T[K]>>;
};

/** Rounds of asks that begin after the load has ended and the engine has built its second copy. */
const ROUNDS_AFTER = 3;

/**
 * Replaces the graph with `dir` through the real command line (`bin/ingest.ts --replace`) while
 * asking in rounds, one ask after another: `ask(i)` for i from 0 to `asks` − 1 (one ask a round
 * unless said), each ask's promises together. It stops once 3 rounds have begun after the load
 * ended and `builds` holds two copies, then waits for the load. `keep` takes each ask's outcomes;
 * every rejection is also collected, as text, in `errors`.
 */
export async function askWhileReloading<T extends readonly unknown[] | []>(options: {
  dir: string;
  builds: readonly CopyBuilt[];
  asks?: number;
  ask: (i: number) => T;
  keep: (outcomes: Outcomes<T>, i: number) => void;
}): Promise<{ loaded: Loaded | undefined; errors: string[] }> {
  const asks = options.asks ?? 1;
  let loaded: Loaded | undefined;
  const loading = startCommand("bin/ingest.ts", [options.dir, "--replace"]).then((result) => {
    loaded = result;
  });
  const errors: string[] = [];
  let roundsAfter = 0;
  for (let i = 0; roundsAfter < ROUNDS_AFTER; i = (i + 1) % asks) {
    if (loaded && options.builds.length >= 2 && i === 0) roundsAfter += 1;
    const outcomes: Outcomes<T> = await Promise.allSettled(options.ask(i));
    for (const outcome of outcomes as readonly PromiseSettledResult<unknown>[]) {
      if (outcome.status === "rejected") errors.push(String(outcome.reason));
    }
    options.keep(outcomes, i);
  }
  await loading;
  return { loaded, errors };
}
