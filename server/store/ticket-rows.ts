// Reads of the tickets projection that the in-memory state no longer holds (finished, older days).
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

export interface TicketRecord {
  id: string;
  number: string;
  serviceId: string;
  priorityGroup: string | null;
  status: string;
  /** How a finished ticket ended (done, referred, incomplete documents), or why it was cancelled. */
  outcome: string | null;
  /** How many times it was transferred to another service or desk. */
  transfers: number;
  deskId: string | null;
  issuedAt: number;
  calledAt: number | null;
  finishedAt: number | null;
  day: string;
  jday: string;
}

export function ticketRecord(db: Db, id: string): TicketRecord | undefined {
  return db
    .prepare(`SELECT id, number, service_id AS serviceId, priority_group AS priorityGroup, status, outcome, transfers, desk_id AS deskId,
      issued_at AS issuedAt, called_at AS calledAt, finished_at AS finishedAt, day, jday FROM tickets WHERE id = ?`)
    .get(id) as TicketRecord | undefined;
}

/** Whether a ticket was ever transferred; asked for each tracked waiting ticket, so prepared once per database. */
export function wasTransferred(db: Db, id: string): boolean {
  let statement = transferCounts.get(db);
  if (!statement) transferCounts.set(db, (statement = db.prepare('SELECT transfers FROM tickets WHERE id = ?')));
  const row = statement.get(id) as { transfers: number } | undefined;
  return (row?.transfers ?? 0) > 0;
}

const transferCounts = new WeakMap<Db, Statement>();

export interface DeskDayCounts {
  served: number;
  noShows: number;
  meanServiceSeconds: number | null;
}

/** A desk's own figures for one day, for the desk screen. */
export function deskDayCounts(db: Db, deskId: string, day: string, dayStartMs: number): DeskDayCounts {
  const { served, noShows } = deskStatements(db);
  const row = served.get(day, deskId) as { served: number | null; meanServiceSeconds: number | null };
  const missed = noShows.get(deskId, dayStartMs) as { n: number };
  return { served: row.served ?? 0, noShows: missed.n, meanServiceSeconds: row.meanServiceSeconds };
}

// Every open desk's snapshot reads these after every change: prepared once per database.
const prepared = new WeakMap<Db, { served: Statement; noShows: Statement }>();

function deskStatements(db: Db): { served: Statement; noShows: Statement } {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      served: db.prepare(`SELECT SUM(status = 'done') AS served, AVG(CASE WHEN status = 'done' THEN service_s END) AS meanServiceSeconds
        FROM tickets WHERE day = ? AND desk_id = ?`),
      noShows: db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.no_show' AND desk_id = ? AND at >= ?`),
    };
    prepared.set(db, statements);
  }
  return statements;
}

const promiseStatements = new WeakMap<Db, Statement>();

/** The range a ticket was promised at issue (seconds), or null when it was given no time. */
export function ticketPromise(db: Db, id: string): { low: number; high: number } | null {
  let statement = promiseStatements.get(db);
  if (!statement) promiseStatements.set(db, (statement = db.prepare(`SELECT promised_low_s AS low, promised_high_s AS high FROM tickets WHERE id = ?`)));
  const row = statement.get(id) as { low: number | null; high: number | null } | undefined;
  return row && row.low !== null && row.high !== null ? { low: row.low, high: row.high } : null;
}
