// The office's text messages as one part with a start and a stop: the outbox, the loop that sends
// from it, the ticket subscriptions that fill it, and the hourly erasing of numbers no longer needed.
import type { Logger } from '../log.js';
import type { QueueState } from '../queue/index.js';
import type { StoredEvent } from '../store/event-store.js';
import type { Db } from '../store/open.js';
import { createGateway } from './create-gateway.js';
import { DEFAULT_DISPATCH_RULES, SmsDispatcher, type DispatchRules, type GatewayHealth } from './dispatcher.js';
import type { SmsGateway } from './gateway.js';
import { SmsOutbox, type EnqueueOutcome, type OutboxCounts } from './outbox.js';
import type { SmsSettings } from './settings.js';
import { TurnNotices } from './turn-notices.js';

/** Messages waiting to be sent at most: a gateway down for a whole day of a busy office still fits. */
export const MAX_PENDING_MESSAGES = 5_000;
const PURGE_EVERY_MS = 3_600_000;

export interface MessagingDeps {
  db: Db;
  state: QueueState;
  dataDir: string;
  settings: () => SmsSettings | undefined;
  officeName: () => string;
  deskNumber: (deskId: string) => number | undefined;
  clock: () => number;
  log: Logger;
  /** A test's gateway or rules; otherwise the settings' gateway and the default rules. */
  gateway?: SmsGateway;
  rules?: DispatchRules;
}

export interface MessagingStatus extends OutboxCounts {
  gateway: string;
  down: boolean;
  error: string | null;
}

export class Messaging {
  readonly notices: TurnNotices;
  private readonly outbox: SmsOutbox;
  private readonly dispatcher: SmsDispatcher;
  private readonly purgeTimer: NodeJS.Timeout;

  /** Null when the office has no `sms` settings: no number is then ever asked for or kept. */
  static start(deps: MessagingDeps): Messaging | null {
    const settings = deps.settings();
    if (!settings && !deps.gateway) return null;
    return new Messaging(deps, deps.gateway ?? createGateway(settings!.gateway, deps.dataDir, deps.clock));
  }

  private constructor(private readonly deps: MessagingDeps, gateway: SmsGateway) {
    const settings = deps.settings();
    this.outbox = new SmsOutbox(deps.db, { dailyCapPerNumber: settings?.dailyCapPerNumber ?? 5, maxPending: MAX_PENDING_MESSAGES });
    this.dispatcher = new SmsDispatcher(this.outbox, gateway, deps.clock, deps.log, deps.rules ?? DEFAULT_DISPATCH_RULES);
    this.notices = new TurnNotices({ ...deps, outbox: this.outbox, queued: () => this.dispatcher.wake() });
    this.purgeTimer = setInterval(() => this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
    this.purge();
    this.dispatcher.wake();
  }

  observe(events: readonly StoredEvent[]): void {
    this.notices.observe(events);
  }

  /** Stores one message under its idempotency key and wakes the sender; the outcome says whether it was stored. */
  send(message: { key: string; kind: string; to: string; text: string }): EnqueueOutcome {
    const outcome = this.outbox.enqueue(message, this.deps.clock());
    if (outcome.queued) this.dispatcher.wake();
    return outcome;
  }

  /** Whether a message with this idempotency key was ever stored. */
  hasMessage(key: string): boolean {
    return this.outbox.has(key);
  }

  onHealth(listener: (health: GatewayHealth) => void): void {
    this.dispatcher.on('health', listener);
  }

  status(): MessagingStatus {
    const health = this.dispatcher.health();
    return { ...this.outbox.status(), gateway: this.gatewayKind(), down: health.down, error: health.error };
  }

  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.dispatcher.close();
  }

  private gatewayKind(): string {
    return this.deps.gateway?.kind ?? this.deps.settings()?.gateway.kind ?? 'none';
  }

  private purge(): void {
    const hours = this.deps.settings()?.keepNumbersHours ?? 24;
    const erased = this.outbox.purge(this.deps.clock(), hours * 3_600_000);
    if (erased > 0) this.deps.log.info('sms numbers erased', { messages: erased });
  }
}
