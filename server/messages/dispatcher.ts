// Sends what the outbox holds, one message at a time, off the command path: a command only stores
// its message, and this loop wakes for it. A failed send is tried again with a doubling delay; a
// gateway that keeps failing is reported through `health` (an alert), and nothing is lost meanwhile.
import { EventEmitter } from 'node:events';
import type { Logger } from '../log.js';
import type { SmsGateway } from './gateway.js';
import { maskMobile } from './mobile.js';
import type { SmsOutbox } from './outbox.js';

export interface DispatchRules {
  /** The first retry's delay; each further one doubles, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** Attempts before a message is given up as failed. */
  maxAttempts: number;
  /** Failed sends in a row after which the gateway counts as down. */
  downAfterFailures: number;
}

export const DEFAULT_DISPATCH_RULES: DispatchRules = { firstRetryMs: 5_000, maxRetryMs: 10 * 60_000, maxAttempts: 20, downAfterFailures: 3 };

export interface GatewayHealth {
  down: boolean;
  /** The last failure's reason (English, for the log and the alert), or null. */
  error: string | null;
  pending: number;
}

/** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(attempts: number, rules: DispatchRules): number {
  return Math.min(rules.firstRetryMs * 2 ** Math.max(0, attempts - 1), rules.maxRetryMs);
}

export class SmsDispatcher extends EventEmitter<{ health: [GatewayHealth] }> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private failuresInARow = 0;
  private lastError: string | null = null;
  /** After a failed send the gateway is left alone until then, whatever else is due. */
  private restUntil = 0;

  constructor(
    private readonly outbox: SmsOutbox,
    private gateway: SmsGateway,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly rules: DispatchRules = DEFAULT_DISPATCH_RULES,
    /** Retries wait real time, even where the office's clock is a replay's or a test's. */
    private readonly wallClock: () => number = Date.now,
  ) {
    super();
  }

  /** Looks at the outbox now (a message was queued, or the server started). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.schedule();
    });
  }

  /** A new gateway (an admin changed the settings); the waiting messages go through it. */
  useGateway(gateway: SmsGateway): void {
    this.gateway = gateway;
    this.failuresInARow = 0;
    this.restUntil = 0;
    this.wake();
  }

  health(): GatewayHealth {
    return { down: this.failuresInARow >= this.rules.downAfterFailures, error: this.lastError, pending: this.outbox.status().pending };
  }

  /** Stops taking messages and waits for the one being sent; the rest wait in the outbox for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.wallClock() >= this.restUntil) {
      const [row] = this.outbox.takeDue(this.wallClock(), 1);
      if (!row) return;
      const outcome = await this.gateway.send({ id: row.key, to: row.to, text: row.text });
      const now = this.clock();
      const wasDown = this.health().down;
      if (outcome.ok) {
        this.outbox.markSent(row.id, now, outcome.providerId);
        this.failuresInARow = 0;
        this.lastError = null;
      } else {
        this.failuresInARow++;
        this.lastError = outcome.error;
        if (outcome.retry) this.restUntil = this.wallClock() + retryDelayMs(this.failuresInARow, this.rules);
        const giveUp = !outcome.retry || row.attempts >= this.rules.maxAttempts;
        if (giveUp) this.outbox.markFailed(row.id, now, outcome.error);
        else this.outbox.markRetry(row.id, this.wallClock() + retryDelayMs(row.attempts, this.rules), outcome.error);
        this.log.warn(giveUp ? 'sms message given up' : 'sms send failed; will retry', { gateway: this.gateway.kind, kind: row.kind, to: maskMobile(row.to), attempts: row.attempts, error: outcome.error });
      }
      if (this.health().down !== wasDown) this.emit('health', this.health());
    }
  }

  private schedule(): void {
    if (this.closed) return;
    const due = this.outbox.nextDueAt();
    if (due === null) return;
    const next = Math.max(due, this.restUntil);
    // Bounded so that a clock moved by hand, or a long backoff, is looked at again within a minute.
    const delay = Math.min(Math.max(0, next - this.wallClock()), 60_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
