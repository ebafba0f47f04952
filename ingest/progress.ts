import { SingleBar } from "cli-progress";

/** How often a plain progress line is printed, at most, while a phase goes on. */
const PLAIN_EVERY_MS = 5_000;
/** A counted phase of fewer rows gets no plain lines: it is over in seconds, and its log stays clean. */
const PLAIN_FROM = 50_000;

/**
 * What a long load is doing and how far it is: a progress bar on a terminal, plain lines on
 * standard error otherwise (CI logs, a pipe). A plain line comes once a counted phase has gone on
 * for a few seconds, then every few seconds, and one where it ended: a load that takes minutes is
 * seen to move, a small one (and its callers reading standard error) stays quiet.
 */
export class Progress {
  private bar: SingleBar | undefined;
  private label = "";
  private total = 0;
  private value = 0;
  private unit = "";
  private lastLine = 0;
  private printed = false;
  private counting = false;

  constructor(
    private readonly tty: boolean = process.stderr.isTTY === true,
    private readonly write: (text: string) => void = (text) => process.stderr.write(text),
  ) {}

  /** A line saying what the load does now, on a terminal and in a log alike. */
  note(text: string): void {
    this.end();
    this.write(`${text}\n`);
  }

  /** A new phase counting towards `total` (in `unit`); 0: a count of unknown end. */
  phase(label: string, total: number, unit = "rows"): void {
    this.end();
    this.counting = total === 0 || total >= PLAIN_FROM || unit !== "rows";
    this.label = label;
    this.total = total;
    this.value = 0;
    this.unit = unit;
    this.printed = false;
    if (this.tty) {
      this.bar = new SingleBar({
        format:
          total > 0
            ? `${label} [{bar}] {percentage}% {value}/{total}${unit ? ` ${unit}` : ""}`
            : `${label} {value} ${unit}`,
        hideCursor: true,
        clearOnComplete: true,
      });
      this.bar.start(total, 0);
    } else {
      this.lastLine = Date.now();
    }
  }

  increment(count: number): void {
    this.update(this.value + count);
  }

  update(value: number): void {
    this.value = value;
    if (this.bar) this.bar.update(value);
    else if (!this.tty && this.counting && Date.now() - this.lastLine >= PLAIN_EVERY_MS) {
      this.lastLine = Date.now();
      this.printed = true;
      this.write(`${this.line()}\n`);
    }
  }

  /** Ends the current phase; a plain counted phase says where it ended. */
  end(): void {
    if (this.bar) {
      this.bar.stop();
      this.bar = undefined;
    } else if (this.printed) {
      this.printed = false;
      this.write(`${this.line()}\n`);
    }
    this.counting = false;
  }

  private line(): string {
    if (this.total === 0) return `${this.label}: ${this.value}${this.unit ? ` ${this.unit}` : ""}`;
    const percent = Math.floor((100 * this.value) / Math.max(1, this.total));
    return `${this.label}: ${this.value}/${this.total}${this.unit ? ` ${this.unit}` : ""} (${percent}%)`;
  }
}
