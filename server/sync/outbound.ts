// The office's outbound sync: ships its committed event log to central in bounded batches, in seq
// order, at-least-once. It moves on only when central acknowledges a batch, retries with
// exponential backoff while the link is down, and acts on central's refusals: a gap (central lost
// events, e.g. restored from a backup) rewinds to central's mark; a regression (this office was
// restored and its log went back) starts a new epoch from where the logs diverged. One batch is in
// flight at a time, so the backlog stays in the database, never in memory.
import type { Statement } from 'better-sqlite3';
import type { Logger } from '../log.js';
import type { Db } from '../store/open.js';
import { readLink, writeLink, type CentralLinkState } from './link-store.js';
import { toSyncEvent } from './to-wire.js';
import { contentDigest, type SyncBatch, type SyncReceipt, type SyncRefusalDetails } from './wire.js';

export interface OutboundOptions {
  db: Db;
  timeZone: () => string;
  log: Logger;
  /** The office now, sent with each batch for the organisation's live table. */
  status: () => SyncBatch['status'];
  /** Office-log rows read per batch (events central does not count are read and skipped). */
  batchRows?: number;
  /** Backoff while central cannot be reached: from minMs, doubling, up to maxMs. */
  retry?: { minMs: number; maxMs: number };
  /** How often to look again when there is nothing to send (or no link yet). */
  idleMs?: number;
  /** With nothing to send, still report to central this often (its table shows when each office was last heard). */
  heartbeatMs?: number;
}

export class OutboundSync {
  private readonly rows: Statement;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private closed = false;
  private failures = 0;
  private lastSentAt = 0;
  private inFlight: Promise<void> | null = null;
  private readonly batchRows: number;
  private readonly retry: { minMs: number; maxMs: number };
  private readonly idleMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly options: OutboundOptions) {
    this.rows = options.db.prepare('SELECT seq, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.batchRows = options.batchRows ?? 2_000;
    this.retry = options.retry ?? { minMs: 1_000, maxMs: 60_000 };
    this.idleMs = options.idleMs ?? 2_000;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
  }

  start(): void {
    this.schedule(0);
  }

  /** New events were committed: send them soon rather than at the next idle check. */
  nudge(): void {
    if (this.closed || this.running || this.failures > 0) return;
    this.schedule(50);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.step().finally(() => (this.inFlight = null));
    }, ms);
    this.timer.unref();
  }

  private async step(): Promise<void> {
    if (this.closed || !this.options.db.open) return;
    this.running = true;
    let next = this.idleMs;
    try {
      next = await this.sendOnce();
    } catch (error) {
      next = this.backoff(`central could not be reached: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
    this.schedule(next);
  }

  /** Sends one batch if there is one (or a heartbeat is due); returns how long to wait before the next. */
  private async sendOnce(): Promise<number> {
    const link = readLink(this.options.db);
    if (!link) return this.idleMs;
    const rows = this.rows.all(link.synced, this.batchRows) as Array<{ seq: number; data: string }>;
    if (rows.length === 0 && Date.now() - this.lastSentAt < this.heartbeatMs) return this.idleMs;
    const timeZone = this.options.timeZone();
    const events = rows.flatMap((row) => toSyncEvent(row.seq, row.data, timeZone) ?? []);
    const through = rows.at(-1)?.seq ?? link.synced;
    const body = JSON.stringify({ epoch: link.epoch, after: link.synced, through, events, status: this.options.status() } satisfies SyncBatch);
    const response = await fetch(`${link.url}/api/v1/sync/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-digest': contentDigest(body), authorization: `Bearer ${link.credential}` },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const answer = (await response.json().catch(() => null)) as (SyncReceipt & { error?: { code: string; details?: SyncRefusalDetails } }) | null;
    if (response.status === 200) {
      this.recovered(link);
      this.lastSentAt = Date.now();
      writeLink(this.options.db, { ...link, synced: through });
      return rows.length === this.batchRows ? 0 : this.idleMs;
    }
    return this.refused(link, response.status, answer?.error?.code ?? 'no_answer', answer?.error?.details);
  }

  private refused(link: CentralLinkState, status: number, code: string, details: SyncRefusalDetails | undefined): number {
    const { db, log } = this.options;
    if (code === 'seq_gap' && details) {
      log.warn('central holds less of this office log than it acknowledged (central restored?); sending again from its mark', { from: link.synced, to: details.highWater, epoch: details.epoch });
      writeLink(db, { ...link, epoch: details.epoch, synced: Math.min(link.synced, details.highWater) });
      return 0;
    }
    if (code === 'seq_regressed' && details?.divergedAt !== undefined) {
      log.error('central holds different events for this office at the same seq: this office log went back (restored from a backup); starting a new epoch', { divergedAt: details.divergedAt, centralHighWater: details.highWater, epoch: details.epoch + 1 });
      writeLink(db, { ...link, epoch: details.epoch + 1, synced: details.divergedAt - 1 });
      return 0;
    }
    if (code === 'stale_epoch' && details) {
      log.warn('central is at a later epoch of this office log; continuing in it', { epoch: details.epoch });
      writeLink(db, { ...link, epoch: details.epoch });
      return 0;
    }
    if (code === 'office_revoked') {
      this.failures = Math.max(this.failures, 30);
      log.error('central revoked this office; nothing more is sent (join again with a new code)');
      return this.retry.maxMs;
    }
    return this.backoff(`central refused a batch: ${status} ${code}`);
  }

  private backoff(reason: string): number {
    this.failures += 1;
    if (this.failures === 1) this.options.log.warn('sync to central paused; retrying with backoff', { reason });
    const ms = Math.min(this.retry.maxMs, this.retry.minMs * 2 ** (this.failures - 1));
    // Jitter, so that 200 offices whose link came back do not all retry in the same instant.
    return Math.round(ms * (0.75 + Math.random() * 0.5));
  }

  private recovered(link: CentralLinkState): void {
    if (this.failures > 0) this.options.log.info('sync to central resumed', { synced: link.synced, afterFailures: this.failures });
    this.failures = 0;
  }
}
