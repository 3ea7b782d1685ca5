// Rebuilds the domain's in-memory state from the projections at start-up: only open tickets and
// today's counters are read, so start-up time does not grow with a year of history.
import { closedDesk, emptyState, type DeskState, type QueueRules, type QueueState, type Ticket, type TicketStatus, type PriorityGroup, type PauseReason } from '../queue/index.js';
import type { Db } from './open.js';

interface TicketRow {
  id: string; number: string; service_id: string; priority_group: string | null; status: string; day: string;
  issued_at: number; rank: number; target_desk_id: string | null; desk_id: string | null; called_at: number | null;
  last_called_at: number | null; recalls: number; started_at: number | null;
  appointment_start: number | null; appointment_late: number | null;
}
interface DeskRow {
  id: string; open: number; staff_id: string | null; pause_reason: string | null; pause_note: string | null;
  pause_since: number | null; current_ticket_id: string | null; priority_streak: number;
}

export function restoreState(db: Db, rules: QueueRules, desks: Array<{ id: string; services: string[] }>): QueueState {
  const state = emptyState(rules, desks);
  const latestDay = (db.prepare(`SELECT MAX(day) AS day FROM tickets`).get() as { day: string | null }).day;
  // The IN list is the partial index's own condition, word for word: SQLite uses a partial index only
  // when the query repeats it, and a year of tickets is otherwise scanned whole.
  const openRows = db
    .prepare(`SELECT * FROM tickets WHERE status IN ('issued', 'called', 'serving', 'parked', 'no_show') AND status <> 'no_show'`)
    .all() as TicketRow[];
  // Only the latest day's no-shows can still be reinstated. Read through the day's index (`+status`
  // keeps SQLite off the status index, which holds every no-show of every year).
  const noShowRows = db.prepare(`SELECT * FROM tickets WHERE day = ? AND +status = 'no_show'`).all(latestDay) as TicketRow[];
  for (const row of [...openRows, ...noShowRows]) state.tickets.set(row.id, toTicket(row));
  if (latestDay) {
    state.counterDay = latestDay;
    const counters = db.prepare(`SELECT first_service_id AS serviceId, MAX(counter) AS last FROM tickets WHERE day = ? GROUP BY first_service_id`).all(latestDay) as Array<{ serviceId: string; last: number }>;
    for (const { serviceId, last } of counters) state.counters.set(serviceId, last);
  }
  const deskRows = db.prepare(`SELECT * FROM desks`).all() as DeskRow[];
  for (const row of deskRows) {
    const desk = state.desks.get(row.id);
    if (desk) Object.assign(desk, toDesk(row, desk));
  }
  return state;
}

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    number: row.number,
    serviceId: row.service_id,
    priorityGroup: row.priority_group as PriorityGroup | null,
    status: row.status as TicketStatus,
    day: row.day,
    issuedAt: row.issued_at,
    rank: row.rank,
    targetDeskId: row.target_desk_id,
    deskId: row.desk_id,
    calledAt: row.called_at,
    lastCalledAt: row.last_called_at,
    recalls: row.recalls,
    startedAt: row.started_at,
    ...(row.appointment_start !== null && row.appointment_late === 0 ? { appointment: { start: row.appointment_start } } : {}),
  };
}

function toDesk(row: DeskRow, configured: DeskState): DeskState {
  return {
    ...closedDesk(configured.id, configured.services),
    open: row.open === 1,
    staffId: row.staff_id,
    pause: row.pause_reason ? { reason: row.pause_reason as PauseReason, note: row.pause_note, since: row.pause_since ?? 0 } : null,
    currentTicketId: row.current_ticket_id,
    priorityStreak: row.priority_streak,
  };
}
