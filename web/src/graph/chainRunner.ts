import type { BlastRadius } from "../../../domain/index.ts";
import { type ChainLayoutInput, type ChainPositions, chainLayout } from "./chainLayout.ts";

/** The same answer is laid out the same: by its scenario and the organisations it draws. */
export function chainLayoutKey(impact: BlastRadius): string {
  return `${JSON.stringify(impact.scenario)}|${impact.affected
    .map((a) => a.id)
    .sort()
    .join(",")}`;
}

/** The layout's input for an answer; `sizeOf` gives an organisation's drawn size. */
export function chainLayoutInput(
  impact: BlastRadius,
  sizeOf: (id: string) => number,
  aspect = 1,
): ChainLayoutInput {
  const nodes = [
    ...impact.compromised.map((c) => ({ id: c.id, depth: 0, size: sizeOf(c.id) })),
    ...impact.affected.map((a) => ({ id: a.id, depth: a.depth, size: sizeOf(a.id) })),
  ];
  const seen = new Set<string>();
  const unique = nodes.filter((n) => !seen.has(n.id) && seen.add(n.id));
  return {
    nodes: unique,
    edges: impact.contracts.map((c) => ({ source: c.consignor, target: c.contractor })),
    aspect,
  };
}

const CACHED_ANSWERS = 32;

/**
 * Lays blast radii out in a web worker (synchronously where there is none: tests, old browsers)
 * and keeps the positions of the last answers, so that going back to an answer is instant.
 */
export class ChainLayoutRunner {
  private readonly cache = new Map<string, ChainPositions>();
  private readonly pending = new Map<string, Promise<ChainPositions>>();
  private worker: Worker | null = null;
  private nextId = 0;
  /** Set when the worker could not run: the layout runs here from then on. */
  private failed = false;
  private readonly waiting = new Map<
    number,
    { resolve: (p: ChainPositions) => void; input: ChainLayoutInput }
  >();

  constructor(private readonly useWorker = typeof Worker !== "undefined") {}

  /** The positions of an answer laid out before, or undefined. */
  cached(key: string): ChainPositions | undefined {
    return this.cache.get(key);
  }

  /** Positions now (cached, or without a worker), or a promise of them from the worker. */
  layout(key: string, input: () => ChainLayoutInput): ChainPositions | Promise<ChainPositions> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (!this.useWorker) return this.remember(key, chainLayout(input()));
    const already = this.pending.get(key);
    if (already) return already;
    const request = this.inWorker(input()).then((positions) => {
      this.pending.delete(key);
      return this.remember(key, positions);
    });
    this.pending.set(key, request);
    return request;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private remember(key: string, positions: ChainPositions): ChainPositions {
    this.cache.delete(key);
    this.cache.set(key, positions);
    while (this.cache.size > CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value as string);
    return positions;
  }

  private inWorker(input: ChainLayoutInput): Promise<ChainPositions> {
    return new Promise((resolve) => {
      const worker = this.ensureWorker();
      if (!worker) return resolve(chainLayout(input));
      const id = this.nextId++;
      this.waiting.set(id, { resolve, input });
      worker.postMessage({ id, input });
    });
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.failed) return null;
    try {
      const worker = new Worker(new URL("./chainLayout.worker.ts", import.meta.url), { type: "module" });
      worker.onmessage = (event: MessageEvent<{ id: number; positions?: ChainPositions }>) => {
        const job = this.waiting.get(event.data.id);
        if (!job) return;
        this.waiting.delete(event.data.id);
        job.resolve(event.data.positions ?? chainLayout(job.input));
      };
      worker.onerror = () => {
        // The worker failed to start or crashed: lay out what it was given here instead.
        for (const job of this.waiting.values()) job.resolve(chainLayout(job.input));
        this.waiting.clear();
        this.worker?.terminate();
        this.worker = null;
        this.failed = true;
      };
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }
}
