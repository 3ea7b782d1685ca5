// The append-only event log and everything written beside it in one transaction: projections and
// the request key of a retried command. A commit that throws leaves nothing behind.
import type { Statement } from 'better-sqlite3';
import type { QueueEvent } from '../queue/index.js';
import type { Db } from './open.js';
import { Projection } from './projection.js';

/** SQL condition on the events table for the queue's own events, which QueueEvent describes (not ratings, the audit trail or the citizens' voice). */
export const QUEUE_EVENTS = `type NOT LIKE 'rating.%' AND type <> 'config.changed' AND type NOT LIKE 'voice.%'`;

export interface StoredEvent {
  seq: number;
  event: QueueEvent;
}

export interface CommitMeta {
  /** The staff member, device or system that caused the events (for the audit trail). */
  actor: string | null;
  staffId: string | null;
  /** A client's idempotency key or request id; stored with the ticket it concerned. */
  requestKey?: string;
  requestTicketId?: string | null;
  /** What the request asked for, to tell a true retry from a key reused for something else. */
  requestCommand?: string;
  /** When the request was answered; a request that changed nothing has no event to take it from. */
  at: number;
}

/** One command's events and what is recorded beside them. */
export interface CommitEntry {
  events: readonly QueueEvent[];
  meta: CommitMeta;
}

export class EventStore {
  private readonly projection: Projection;
  private readonly append: Statement;
  private readonly remember: Statement;
  private readonly recall: Statement;
  private readonly after: Statement;
  private readonly last: Statement;
  private readonly since: Statement;
  private readonly commitTx: (entries: readonly CommitEntry[]) => StoredEvent[][];

  constructor(readonly db: Db, timeZone: string) {
    this.projection = new Projection(db, timeZone);
    this.append = db.prepare(`INSERT INTO events (at, type, ticket_id, desk_id, actor, data) VALUES (?, ?, ?, ?, ?, ?)`);
    this.remember = db.prepare(`INSERT INTO requests (key, at, ticket_id, command) VALUES (?, ?, ?, ?)`);
    this.recall = db.prepare(`SELECT ticket_id AS ticketId, command FROM requests WHERE key = ?`);
    // The log also holds events that are not the queue's (keypad ratings, which no screen may see).
    this.after = db.prepare(`SELECT seq, data FROM events WHERE seq > ? AND ${QUEUE_EVENTS} ORDER BY seq LIMIT ?`);
    this.last = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS seq FROM events`);
    this.since = db.prepare(`SELECT data FROM events WHERE at >= ? AND ${QUEUE_EVENTS} ORDER BY seq`);
    this.commitTx = db.transaction((entries: readonly CommitEntry[]) => entries.map(({ events, meta }) => this.write(events, meta)));
  }

  /** Appends the events and updates projections atomically; returns them with their sequence numbers. */
  commit(events: readonly QueueEvent[], meta: CommitMeta): StoredEvent[] {
    return this.commitTx([{ events, meta }])[0]!;
  }

  /** Several commands' events in ONE transaction (one fsync): all of them are durable, or none. */
  commitAll(entries: readonly CommitEntry[]): StoredEvent[][] {
    return this.commitTx(entries);
  }

  /** What an earlier request with this key concerned, if it was committed. */
  requestOutcome(key: string): { ticketId: string | null; command: string | null } | undefined {
    return this.recall.get(key) as { ticketId: string | null; command: string | null } | undefined;
  }

  /** The queue's events after `seq`, in order. */
  eventsAfter(seq: number, limit: number): StoredEvent[] {
    const rows = this.after.all(seq, limit) as Array<{ seq: number; data: string }>;
    return rows.map((row) => ({ seq: row.seq, event: JSON.parse(row.data) as QueueEvent }));
  }

  /** The queue's events from the instant `at` on (today's, for the estimates' history at start-up). */
  eventsFrom(at: number): QueueEvent[] {
    return (this.since.all(at) as Array<{ data: string }>).map((row) => JSON.parse(row.data) as QueueEvent);
  }

  lastSeq(): number {
    return (this.last.get() as { seq: number }).seq;
  }

  private write(events: readonly QueueEvent[], meta: CommitMeta): StoredEvent[] {
    const stored: StoredEvent[] = [];
    for (const event of events) {
      const ticketId = 'ticketId' in event ? event.ticketId : null;
      const deskId = 'deskId' in event ? event.deskId : null;
      const info = this.append.run(event.at, event.type, ticketId, deskId, meta.actor, JSON.stringify(event));
      this.projection.apply(event, { staffId: meta.staffId });
      stored.push({ seq: Number(info.lastInsertRowid), event });
    }
    if (meta.requestKey) this.remember.run(meta.requestKey, meta.at, meta.requestTicketId ?? null, meta.requestCommand ?? null);
    return stored;
  }
}
