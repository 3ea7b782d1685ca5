// Keeps the tickets and desks tables in step with the event log. Runs inside the same transaction
// as the event append, so the tables never disagree with the log.
import type { Statement } from 'better-sqlite3';
import type { QueueEvent } from '../queue/index.js';
import { serviceDay, localClock } from '../time/day.js';
import type { Db } from './open.js';

export class Projection {
  private readonly issue: Statement;
  private readonly ticketChange: Record<string, Statement>;
  private readonly deskUpsert: Statement;
  private readonly deskChange: Record<string, Statement>;

  constructor(db: Db, private readonly timeZone: string) {
    this.issue = db.prepare(`INSERT INTO tickets (id, day, jday, jmonth, hour, service_id, first_service_id, number, counter, priority_group, status, rank, issued_at,
        promised_s, promised_low_s, promised_high_s, appointment_id, appointment_start, appointment_late)
      VALUES (@id, @day, @jday, @jmonth, @hour, @serviceId, @serviceId, @number, @counter, @priorityGroup, 'issued', @at, @at, @promised, @promisedLow, @promisedHigh,
        @appointmentId, @appointmentStart, @appointmentLate)`);
    this.ticketChange = {
      called: db.prepare(`UPDATE tickets SET status = 'called', desk_id = @deskId, called_desk_id = @deskId, called_at = COALESCE(called_at, @at), last_called_at = @at,
        wait_s = COALESCE(wait_s, @waitedSeconds), recalls = 0, started_at = NULL, staff_id = @staffId WHERE id = @ticketId`),
      recalled: db.prepare(`UPDATE tickets SET recalls = @recalls, last_called_at = @at WHERE id = @ticketId`),
      started: db.prepare(`UPDATE tickets SET status = 'serving', started_at = @at WHERE id = @ticketId`),
      parked: db.prepare(`UPDATE tickets SET status = 'parked' WHERE id = @ticketId`),
      noShow: db.prepare(`UPDATE tickets SET status = 'no_show', desk_id = NULL, finished_at = @at WHERE id = @ticketId`),
      reinstated: db.prepare(`UPDATE tickets SET status = 'issued', rank = @rank, desk_id = NULL, target_desk_id = NULL, recalls = 0, finished_at = NULL WHERE id = @ticketId`),
      transferred: db.prepare(`UPDATE tickets SET status = 'issued', service_id = @serviceId, target_desk_id = @targetDeskId, rank = @rank, desk_id = NULL,
        recalls = 0, service_s = COALESCE(service_s, 0) + @servedSeconds, started_at = NULL, transfers = transfers + 1 WHERE id = @ticketId`),
      finished: db.prepare(`UPDATE tickets SET status = 'done', desk_id = @deskId, finished_at = @at, outcome = @outcome, note = @note,
        service_s = COALESCE(service_s, 0) + @serviceSeconds WHERE id = @ticketId`),
      cancelled: db.prepare(`UPDATE tickets SET status = 'cancelled', finished_at = @at, outcome = @reason WHERE id = @ticketId`),
    };
    this.deskUpsert = db.prepare(`INSERT INTO desks (id) VALUES (?) ON CONFLICT (id) DO NOTHING`);
    this.deskChange = {
      current: db.prepare(`UPDATE desks SET current_ticket_id = @ticketId WHERE id = @deskId`),
      release: db.prepare(`UPDATE desks SET current_ticket_id = NULL WHERE id = @deskId AND current_ticket_id = @ticketId`),
      releaseAny: db.prepare(`UPDATE desks SET current_ticket_id = NULL WHERE current_ticket_id = @ticketId`),
      streak: db.prepare(`UPDATE desks SET priority_streak = CASE WHEN @priority THEN priority_streak + 1 ELSE 0 END WHERE id = @deskId`),
      opened: db.prepare(`UPDATE desks SET open = 1, staff_id = @staffId WHERE id = @deskId`),
      closed: db.prepare(`UPDATE desks SET open = 0, staff_id = NULL, pause_reason = NULL, pause_note = NULL, pause_since = NULL, priority_streak = 0 WHERE id = @deskId`),
      paused: db.prepare(`UPDATE desks SET pause_reason = @reason, pause_note = @note, pause_since = @at WHERE id = @deskId`),
      resumed: db.prepare(`UPDATE desks SET pause_reason = NULL, pause_note = NULL, pause_since = NULL WHERE id = @deskId`),
    };
  }

  /** `context` carries what the event alone does not say: which staff member acted. */
  apply(event: QueueEvent, context: { staffId: string | null }): void {
    const t = this.ticketChange;
    const d = this.deskChange;
    switch (event.type) {
      case 'ticket.issued': {
        const day = serviceDay(event.at, this.timeZone);
        const hour = Math.floor(localClock(event.at, this.timeZone).minutes / 60);
        this.issue.run({ id: event.ticketId, day: day.iso, jday: day.jalali, jmonth: day.jalali.slice(0, 7), hour, serviceId: event.serviceId, number: event.number, counter: event.counter, priorityGroup: event.priorityGroup, at: event.at,
          promised: event.promise?.seconds ?? null, promisedLow: event.promise?.low ?? null, promisedHigh: event.promise?.high ?? null,
          appointmentId: event.appointment?.id ?? null, appointmentStart: event.appointment?.start ?? null, appointmentLate: event.appointment ? Number(event.appointment.late) : null });
        return;
      }
      case 'ticket.called':
        t.called!.run({ ticketId: event.ticketId, deskId: event.deskId, at: event.at, waitedSeconds: event.waitedSeconds, staffId: context.staffId });
        this.ensureDesk(event.deskId);
        d.current!.run({ deskId: event.deskId, ticketId: event.ticketId });
        if (event.how === 'next') d.streak!.run({ deskId: event.deskId, priority: event.priorityGroup ? 1 : 0 });
        return;
      case 'ticket.recalled':
        t.recalled!.run({ ticketId: event.ticketId, recalls: event.recalls, at: event.at });
        return;
      case 'ticket.started':
        t.started!.run({ ticketId: event.ticketId, at: event.at });
        return;
      case 'ticket.parked':
        t.parked!.run({ ticketId: event.ticketId });
        d.release!.run({ deskId: event.deskId, ticketId: event.ticketId });
        return;
      case 'ticket.no_show':
        t.noShow!.run({ ticketId: event.ticketId, at: event.at });
        d.release!.run({ deskId: event.deskId, ticketId: event.ticketId });
        return;
      case 'ticket.reinstated':
        t.reinstated!.run({ ticketId: event.ticketId, rank: event.rank });
        return;
      case 'ticket.transferred':
        t.transferred!.run({ ticketId: event.ticketId, serviceId: event.serviceId, targetDeskId: event.targetDeskId, rank: event.rank, servedSeconds: event.servedSeconds });
        d.release!.run({ deskId: event.fromDeskId, ticketId: event.ticketId });
        return;
      case 'ticket.finished':
        t.finished!.run({ ticketId: event.ticketId, deskId: event.deskId, at: event.at, outcome: event.outcome, note: event.note, serviceSeconds: event.serviceSeconds });
        d.releaseAny!.run({ ticketId: event.ticketId });
        return;
      case 'ticket.cancelled':
        t.cancelled!.run({ ticketId: event.ticketId, at: event.at, reason: event.reason });
        d.releaseAny!.run({ ticketId: event.ticketId });
        return;
      case 'desk.opened':
        this.ensureDesk(event.deskId);
        d.opened!.run({ deskId: event.deskId, staffId: event.staffId });
        return;
      case 'desk.closed':
        d.closed!.run({ deskId: event.deskId });
        return;
      case 'desk.paused':
        d.paused!.run({ deskId: event.deskId, reason: event.reason, note: event.note, at: event.at });
        return;
      case 'desk.resumed':
        d.resumed!.run({ deskId: event.deskId });
        return;
    }
  }

  private ensureDesk(id: string): void {
    this.deskUpsert.run(id);
  }
}
