// The audit trail of configuration, accounts and devices: each change is a 'config.changed' event
// in the office's event log (who, when, what before and after), written in the change's own
// transaction, and read back newest first for the administration screen.
import type { ConfigEntity } from '../config/holder.js';
import type { Db } from '../store/open.js';

export const AUDIT_EVENT = 'config.changed';

export interface AuditRecord {
  at: number;
  /** 'user:<id>', as in every event's actor column. */
  actor: string;
  /** The actor's name when the change was made (names change; the trail keeps what was true then). */
  actorName: string;
  entity: ConfigEntity;
  entityId: string | null;
  action: 'create' | 'update' | 'delete' | 'reset_password' | 'revoke' | 'pair_code';
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
}

/** Inside the caller's transaction; returns the event's sequence number. */
export function appendAudit(db: Db, record: AuditRecord): number {
  const data = JSON.stringify({ type: AUDIT_EVENT, ...record });
  const info = db.prepare(`INSERT INTO events (at, type, ticket_id, desk_id, actor, data) VALUES (?, ?, NULL, NULL, ?, ?)`).run(record.at, AUDIT_EVENT, record.actor, data);
  return Number(info.lastInsertRowid);
}

export interface AuditQuery {
  /** Entries older than this sequence number (for the next page). */
  beforeSeq?: number;
  limit: number;
  entity?: ConfigEntity;
  entityId?: string;
}

export function listAudit(db: Db, query: AuditQuery): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT seq, data FROM events
       WHERE type = '${AUDIT_EVENT}' AND seq < ?
         AND (? IS NULL OR json_extract(data, '$.entity') = ?)
         AND (? IS NULL OR json_extract(data, '$.entityId') = ?)
       ORDER BY seq DESC LIMIT ?`,
    )
    .all(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, query.entity ?? null, query.entity ?? null, query.entityId ?? null, query.entityId ?? null, query.limit) as Array<{ seq: number; data: string }>;
  return rows.map((row) => {
    const { type: _type, ...record } = JSON.parse(row.data) as AuditRecord & { type: string };
    return { seq: row.seq, ...record };
  });
}
