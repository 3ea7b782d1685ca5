// The alerts as stored: raising a condition once while its alert is open, clearing it when the
// condition goes away, and acknowledging it with who, when and a comment. An alert is open until it
// has both cleared and been acknowledged; one acknowledged while its condition still holds is not
// raised again until the condition has gone and come back.
import type { AlertKind, AlertView } from '../realtime/contract.js';
import type { Db } from '../store/open.js';
import type { AlertCondition } from './evaluate.js';

interface AlertRow {
  id: number;
  kind: AlertKind;
  subject: string;
  message: string;
  message_en: string;
  raised_at: number;
  last_seen_at: number;
  cleared_at: number | null;
  acked_at: number | null;
  acked_by: string | null;
  ack_comment: string | null;
  acked_by_name: string | null;
}

export interface Reconciled {
  raised: AlertView[];
  cleared: AlertView[];
}

export type AckOutcome = { ok: true; alert: AlertView } | { ok: false; reason: 'unknown' | 'already' };

const SELECT = `SELECT a.*, u.name AS acked_by_name FROM alerts a LEFT JOIN users u ON u.id = a.acked_by`;
const OPEN = `(acked_at IS NULL OR cleared_at IS NULL)`;

export class AlertBook {
  constructor(private readonly db: Db) {}

  /** Brings the stored alerts in line with the conditions that hold now, in one transaction. */
  reconcile(conditions: readonly AlertCondition[], now: number): Reconciled {
    return this.db.transaction((): Reconciled => {
      const raised: number[] = [];
      const cleared: number[] = [];
      const open = this.db.prepare(`SELECT * FROM alerts WHERE ${OPEN}`).all() as AlertRow[];
      const byKey = new Map(open.map((row) => [`${row.kind}\u0000${row.subject}`, row]));
      const holding = new Set<string>();
      for (const condition of conditions) {
        const key = `${condition.kind}\u0000${condition.subject}`;
        holding.add(key);
        const row = byKey.get(key);
        if (!row) {
          const { lastInsertRowid } = this.db
            .prepare(`INSERT INTO alerts (kind, subject, message, message_en, raised_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`)
            .run(condition.kind, condition.subject, condition.message, condition.messageEn, now, now);
          raised.push(Number(lastInsertRowid));
        } else if (row.cleared_at !== null) {
          // Back before anyone acknowledged it: the same alert, active again.
          this.db.prepare(`UPDATE alerts SET cleared_at = NULL, last_seen_at = ?, message = ?, message_en = ? WHERE id = ?`).run(now, condition.message, condition.messageEn, row.id);
          raised.push(row.id);
        } else {
          this.db.prepare(`UPDATE alerts SET last_seen_at = ? WHERE id = ?`).run(now, row.id);
        }
      }
      for (const row of open) {
        if (row.cleared_at !== null || holding.has(`${row.kind}\u0000${row.subject}`)) continue;
        this.db.prepare(`UPDATE alerts SET cleared_at = ? WHERE id = ?`).run(now, row.id);
        cleared.push(row.id);
      }
      return { raised: raised.map((id) => this.get(id)!), cleared: cleared.map((id) => this.get(id)!) };
    })();
  }

  acknowledge(id: number, userId: string, comment: string, now: number): AckOutcome {
    const row = this.get(id);
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.acknowledged) return { ok: false, reason: 'already' };
    this.db.prepare(`UPDATE alerts SET acked_at = ?, acked_by = ?, ack_comment = ? WHERE id = ? AND acked_at IS NULL`).run(now, userId, comment, id);
    return { ok: true, alert: this.get(id)! };
  }

  get(id: number): AlertView | undefined {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
    return row ? view(row) : undefined;
  }

  /** Every unacknowledged alert, and those acknowledged since `since`; newest first. */
  list(since: number): AlertView[] {
    const rows = this.db.prepare(`${SELECT} WHERE a.acked_at IS NULL OR a.acked_at >= ? ORDER BY a.raised_at DESC, a.id DESC LIMIT 500`).all(since) as AlertRow[];
    return rows.map(view);
  }

  /** Open alerts of one kind whose condition still held when last seen (to seed in-memory sources after a restart). */
  holding(kind: AlertKind): AlertView[] {
    const rows = this.db.prepare(`${SELECT} WHERE a.kind = ? AND a.cleared_at IS NULL`).all(kind) as AlertRow[];
    return rows.map(view);
  }
}

function view(row: AlertRow): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    message: row.message,
    messageEn: row.message_en,
    at: row.raised_at,
    lastSeenAt: row.last_seen_at,
    clearedAt: row.cleared_at,
    acknowledged: row.acked_at !== null ? { by: row.acked_by ?? '', byName: row.acked_by_name ?? '', at: row.acked_at, comment: row.ack_comment ?? '' } : null,
  };
}
