import { readFileSync } from "node:fs";

/** A process's resident memory in MiB now (0 once it has exited). */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/**
 * A process's resident memory sampled every `everyMs` from /proc, kept with the time of each
 * sample, so that the peak of any stretch (a reload's build, a ranking) can be read afterwards.
 */
export class RssSampler {
  private readonly samples: { at: number; mib: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number | undefined,
    everyMs = 200,
  ) {
    this.timer = setInterval(() => this.samples.push({ at: Date.now(), mib: rssMiB(pid) }), everyMs);
    this.timer.unref();
  }

  now(): number {
    return rssMiB(this.pid);
  }

  /** The highest sample between two times (ms since the epoch; `to` defaults to now). */
  peak(from: number, to = Date.now()): number {
    let peak = 0;
    for (const s of this.samples) if (s.at >= from && s.at <= to) peak = Math.max(peak, s.mib);
    return peak;
  }

  /** The last sample at or before a time. */
  at(time: number): number {
    let found = 0;
    for (const s of this.samples) if (s.at <= time) found = s.mib;
    return found;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** One-minute load average and the machine's cores: the figure's context on a shared machine. */
export function loadAverage(): string {
  try {
    const [one, five] = readFileSync("/proc/loadavg", "utf8").split(" ");
    return `${one}/${five}`;
  } catch {
    return "?";
  }
}
