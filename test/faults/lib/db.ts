// Read-only views of an office database (data/nobat.db) for tests: the tickets projection and the
// event log, read directly in SQLite rather than through the server that is under test.
import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface TicketRow {
  id: string;
  day: string;
  service_id: string;
  first_service_id: string;
  number: string;
  counter: number;
  status: string;
  desk_id: string | null;
  issued_at: number;
}

export interface EventRow {
  seq: number;
  at: number;
  type: string;
  ticket_id: string | null;
  desk_id: string | null;
}

export function withDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'nobat.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function ticketRows(db: Database.Database): TicketRow[] {
  return db.prepare(`SELECT id, day, service_id, first_service_id, number, counter, status, desk_id, issued_at FROM tickets ORDER BY issued_at`).all() as TicketRow[];
}

export function eventRows(db: Database.Database): EventRow[] {
  return db.prepare(`SELECT seq, at, type, ticket_id, desk_id FROM events ORDER BY seq`).all() as EventRow[];
}

/** The projection's status that a ticket's events imply, or null when none of them sets one. */
export function statusFromEvents(types: readonly string[]): string | null {
  const statusOf: Record<string, string> = {
    'ticket.issued': 'issued',
    'ticket.called': 'called',
    'ticket.started': 'serving',
    'ticket.parked': 'parked',
    'ticket.no_show': 'no_show',
    'ticket.reinstated': 'issued',
    'ticket.transferred': 'issued',
    'ticket.finished': 'done',
    'ticket.cancelled': 'cancelled',
  };
  let status: string | null = null;
  for (const type of types) status = statusOf[type] ?? status;
  return status;
}

/**
 * Checks that the event log and the tickets projection agree: every ticket row has exactly one
 * `ticket.issued` event, every such event has its row, and each row's status is the one its events
 * imply. Returns the disagreements, empty when there are none.
 */
export function logAndProjectionDisagreements(db: Database.Database): string[] {
  const problems: string[] = [];
  const rows = ticketRows(db);
  const events = eventRows(db);
  const byTicket = new Map<string, string[]>();
  for (const event of events) {
    if (event.ticket_id === null) continue;
    const list = byTicket.get(event.ticket_id) ?? [];
    list.push(event.type);
    byTicket.set(event.ticket_id, list);
  }
  const issuedEvents = events.filter((e) => e.type === 'ticket.issued');
  if (issuedEvents.length !== rows.length) problems.push(`${issuedEvents.length} ticket.issued events but ${rows.length} ticket rows`);
  const rowIds = new Set(rows.map((r) => r.id));
  for (const event of issuedEvents) if (!rowIds.has(event.ticket_id ?? '')) problems.push(`ticket.issued #${event.seq} for ${event.ticket_id} has no row`);
  for (const row of rows) {
    const types = byTicket.get(row.id) ?? [];
    const issued = types.filter((t) => t === 'ticket.issued').length;
    if (issued !== 1) problems.push(`ticket ${row.id} has ${issued} ticket.issued events`);
    const expected = statusFromEvents(types);
    if (expected !== row.status) problems.push(`ticket ${row.id} is '${row.status}' in the projection but its events say '${expected}'`);
  }
  return problems;
}
