/** A heavy request that found every slot and the queue full: 503 with Retry-After. */
export class BusyError extends Error {
  readonly statusCode = 503;
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is answering as many heavy requests as it can; try again in ${retryAfterSeconds} s.`);
  }
}

/**
 * Bounds the heavy requests (blast radii, comparisons, groups, rankings, reports) the server
 * works on at once: `slots` run, up to `queue` wait their turn, and the rest are told to come
 * back (503, Retry-After) instead of piling up on the event loop and the database.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
    private readonly retryAfterSeconds = 2,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.queue) throw new BusyError(this.retryAfterSeconds);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // A waiting request takes this slot over; otherwise the slot frees.
      if (next) next();
      else this.running -= 1;
    }
  }
}
