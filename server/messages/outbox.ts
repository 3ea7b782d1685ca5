// The SMS outbox: a message is stored before anyone tries to send it, once per idempotency key, and
// is marked as it goes (pending → sending → sent, or failed). A row left 'sending' by a crash is
// sent again under the same key, which the provider recognises, so it is delivered once.
// Numbers are kept only until `purge` clears them, a configurable time after the message is done.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxRow {
  id: number;
  key: string;
  kind: string;
  to: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
}

export type EnqueueOutcome = { queued: true; id: number } | { queued: false; reason: 'duplicate' | 'daily_cap' | 'outbox_full' };

export interface OutboxLimits {
  /** Messages one number may be sent in 24 hours. */
  dailyCapPerNumber: number;
  /** Messages waiting to be sent at most; past it new ones are refused (the gateway is down for long). */
  maxPending: number;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  /** When the oldest message still waiting was queued, or null. */
  oldestPendingAt: number | null;
}

const DAY_MS = 86_400_000;

export class SmsOutbox {
  private readonly insert: Statement;
  private readonly sentToday: Statement;
  private readonly pendingCount: Statement;
  private readonly dueRows: Statement;
  private readonly sending: Statement;
  private readonly sent: Statement;
  private readonly retry: Statement;
  private readonly failed: Statement;
  private readonly purgeNumbers: Statement;
  private readonly counts: Statement;
  private readonly nextDue: Statement;
  private readonly byKey: Statement;

  constructor(db: Db, private readonly limits: OutboxLimits) {
    this.insert = db.prepare(`INSERT INTO sms_outbox (key, kind, to_number, text, status, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?, 0) ON CONFLICT (key) DO NOTHING`);
    this.sentToday = db.prepare(`SELECT COUNT(*) AS n FROM sms_outbox WHERE to_number = ? AND created_at > ? AND status <> 'failed'`);
    this.pendingCount = db.prepare(`SELECT COUNT(*) AS n FROM sms_outbox WHERE status IN ('pending', 'sending')`);
    this.dueRows = db.prepare(
      `SELECT id, key, kind, to_number AS "to", text, status, attempts FROM sms_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? AND to_number IS NOT NULL ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.sending = db.prepare(`UPDATE sms_outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?`);
    this.sent = db.prepare(`UPDATE sms_outbox SET status = 'sent', sent_at = ?, provider_id = ?, last_error = NULL WHERE id = ?`);
    this.retry = db.prepare(`UPDATE sms_outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?`);
    this.failed = db.prepare(`UPDATE sms_outbox SET status = 'failed', sent_at = ?, last_error = ? WHERE id = ?`);
    this.purgeNumbers = db.prepare(`UPDATE sms_outbox SET to_number = NULL WHERE to_number IS NOT NULL AND status IN ('sent', 'failed') AND sent_at <= ?`);
    this.counts = db.prepare(
      `SELECT SUM(status IN ('pending', 'sending')) AS pending, SUM(status = 'sent') AS sent, SUM(status = 'failed') AS failed, MIN(CASE WHEN status IN ('pending', 'sending') THEN created_at END) AS oldest FROM sms_outbox`,
    );
    this.byKey = db.prepare(`SELECT 1 FROM sms_outbox WHERE key = ?`);
    this.nextDue = db.prepare(`SELECT MIN(next_attempt_at) AS at FROM sms_outbox WHERE status IN ('pending', 'sending') AND to_number IS NOT NULL`);
  }

  /** Stores a message to send, unless one with this key exists, the number had its day's share, or the outbox is full. */
  enqueue(message: { key: string; kind: string; to: string; text: string }, now: number): EnqueueOutcome {
    if ((this.sentToday.get(message.to, now - DAY_MS) as { n: number }).n >= this.limits.dailyCapPerNumber) return { queued: false, reason: 'daily_cap' };
    if ((this.pendingCount.get() as { n: number }).n >= this.limits.maxPending) return { queued: false, reason: 'outbox_full' };
    // Due at once; a retry's time is set by the dispatcher, on its own (real) clock.
    const { changes, lastInsertRowid } = this.insert.run(message.key, message.kind, message.to, message.text, now);
    return changes === 0 ? { queued: false, reason: 'duplicate' } : { queued: true, id: Number(lastInsertRowid) };
  }

  has(key: string): boolean {
    return this.byKey.get(key) !== undefined;
  }

  /** Messages whose time has come, oldest first, each marked 'sending' (committed) before it is handed out. */
  takeDue(now: number, limit: number): OutboxRow[] {
    const rows = this.dueRows.all(now, limit) as OutboxRow[];
    for (const row of rows) this.sending.run(row.id);
    return rows.map((row) => ({ ...row, status: 'sending', attempts: row.attempts + 1 }));
  }

  markSent(id: number, now: number, providerId: string | null): void {
    this.sent.run(now, providerId, id);
  }

  markRetry(id: number, at: number, error: string): void {
    this.retry.run(at, error, id);
  }

  markFailed(id: number, now: number, error: string): void {
    this.failed.run(now, error, id);
  }

  /** When the next waiting message is due, or null when none waits. */
  nextDueAt(): number | null {
    return (this.nextDue.get() as { at: number | null }).at;
  }

  /** Forgets the numbers of messages done more than `retentionMs` ago; returns how many. */
  purge(now: number, retentionMs: number): number {
    return this.purgeNumbers.run(now - retentionMs).changes;
  }

  status(): OutboxCounts {
    const row = this.counts.get() as { pending: number | null; sent: number | null; failed: number | null; oldest: number | null };
    return { pending: row.pending ?? 0, sent: row.sent ?? 0, failed: row.failed ?? 0, oldestPendingAt: row.oldest };
  }
}
