// Exponential delays between attempts to reopen a line: doubling from `initialMs` up to `maxMs`,
// back to the start once the line has proved itself.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 10_000 };

export class Backoff {
  private nextMs: number;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {
    this.nextMs = options.initialMs;
  }

  /** The delay before the next attempt; each call doubles the one after. */
  take(): number {
    const delay = this.nextMs;
    this.nextMs = Math.min(this.nextMs * 2, this.options.maxMs);
    return delay;
  }

  reset(): void {
    this.nextMs = this.options.initialMs;
  }
}
