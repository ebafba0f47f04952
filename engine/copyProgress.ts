/**
 * How far the build of an in-memory copy has got: reading a 10M-contract graph and deriving its
 * arrays takes minutes, and whoever waits for it (`npm run serve`, the bench) says so.
 */
export interface CopyProgress {
  /** What the build is doing: "reading contracts", "ranking vendors"… */
  phase: string;
  done: number;
  /** What `done` counts up to, when known. */
  total: number | null;
  /** Milliseconds since the build began. */
  ms: number;
}

export type CopyProgressSink = (progress: CopyProgress) => void;

/**
 * Where this thread's build reports to. A module-level sink because the reading loop that feeds
 * the builder lives in graphRead.ts and knows nothing of progress; each copy is built in a worker
 * thread of its own (copyWorker.ts sets the sink to post to the API's thread), so one thread's
 * sink is one build's.
 */
let sink: CopyProgressSink = () => {};
let began = performance.now();

export function reportCopyProgressTo(report: CopyProgressSink): void {
  sink = report;
  began = performance.now();
}

export function copyProgress(phase: string, done = 0, total: number | null = null): void {
  sink({ phase, done, total, ms: Math.round(performance.now() - began) });
}

/** A progress line: "reading contracts 2,500,000 of 10,000,000 (25%) at 41.2 s". */
export function progressLine({ phase, done, total, ms }: CopyProgress): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const count =
    total === null
      ? done > 0
        ? ` ${n(done)}`
        : ""
      : ` ${n(done)} of ${n(total)} (${total > 0 ? Math.floor((100 * done) / total) : 100}%)`;
  return `${phase}${count} at ${(ms / 1000).toFixed(1)} s`;
}
