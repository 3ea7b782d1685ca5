// Ratings from the keypads, stored with their `rating.recorded` event in one transaction. A press is
// known by (device, boot, seq): a press the keypad sends again (its ack was lost, the server restarted
// in between) stores nothing more. The seq is 16 bits and comes round again after 65,536 frames, so
// the same seq much later is a new press of the same boot, stored with the next `wrap`. Day and hour
// keys are the office's, as in the tickets table.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open.js';
import { localClock, serviceDay } from '../time/day.js';

export const RATING_EVENT = 'rating.recorded';
/**
 * A copy of a press within this long of the stored one is that press again. A keypad resends for
 * about 3 s (a server restart in between adds seconds); its seq comes round only after 65,536
 * frames, at least 36 h at one heartbeat every 2 s.
 */
export const SAME_PRESS_MS = 10 * 60_000;

export interface RatingRecord {
  /** When the server received the press, by the office clock. */
  at: number;
  keypadId: string;
  kind: 'desk' | 'exit';
  device: string;
  boot: string;
  seq: number;
  /** 1..buttons, where `buttons` is the best. */
  button: number;
  buttons: number;
  deskId: string | null;
  /** The ticket the rating answers: only a desk keypad's press while armed for it. */
  ticketId: string | null;
  serviceId: string | null;
  staffId: string | null;
  /** Exit keypads: the services finished in the preceding minutes and how many of each. */
  finishedServices?: Record<string, number>;
}

/** What a finished ticket says about who served it and for what. */
export interface TicketFacts {
  serviceId: string;
  staffId: string | null;
}

export class RatingStore {
  private readonly insert: Statement;
  private readonly latestWithSeq: Statement;
  private readonly append: Statement;
  private readonly facts: Statement;
  private readonly finished: Statement;
  private readonly recordTx: (record: RatingRecord) => boolean;

  constructor(db: Db, private readonly timeZone: string) {
    this.insert = db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, wrap, kind, desk_id, ticket_id, service_id, staff_id, button, buttons)
      VALUES (@at, @day, @jday, @jmonth, @hour, @keypadId, @device, @boot, @seq, @wrap, @kind, @deskId, @ticketId, @serviceId, @staffId, @button, @buttons)
      ON CONFLICT DO NOTHING`);
    this.latestWithSeq = db.prepare(`SELECT at, wrap FROM ratings WHERE device = ? AND boot = ? AND seq = ? ORDER BY wrap DESC LIMIT 1`);
    this.append = db.prepare(`INSERT INTO events (at, type, ticket_id, desk_id, actor, data) VALUES (?, ?, ?, ?, ?, ?)`);
    this.facts = db.prepare(`SELECT service_id AS serviceId, staff_id AS staffId FROM tickets WHERE id = ?`);
    this.finished = db.prepare(`SELECT service_id AS serviceId, COUNT(*) AS n FROM tickets
      WHERE day = ? AND status = 'done' AND finished_at > ? AND finished_at <= ? GROUP BY service_id ORDER BY service_id`);
    this.recordTx = db.transaction((record: RatingRecord) => {
      const day = serviceDay(record.at, this.timeZone);
      const hour = Math.floor(localClock(record.at, this.timeZone).minutes / 60);
      const latest = this.latestWithSeq.get(record.device, record.boot, record.seq) as { at: number; wrap: number } | undefined;
      if (latest && Math.abs(record.at - latest.at) < SAME_PRESS_MS) return false;
      const wrap = latest ? latest.wrap + 1 : 0;
      const { finishedServices: _mix, ...row } = record;
      const stored = this.insert.run({ ...row, wrap, day: day.iso, jday: day.jalali, jmonth: day.jalali.slice(0, 7), hour });
      if (stored.changes === 0) return false;
      this.append.run(record.at, RATING_EVENT, record.ticketId, record.deskId, `keypad:${record.keypadId}`, JSON.stringify({ type: RATING_EVENT, ...record }));
      return true;
    });
  }

  /** Stores the rating and its event; false when this press was stored before. */
  record(record: RatingRecord): boolean {
    return this.recordTx(record);
  }

  ticketFacts(ticketId: string): TicketFacts | undefined {
    return this.facts.get(ticketId) as TicketFacts | undefined;
  }

  /** Tickets finished in the `minutes` before `at` (the same service day), by service. */
  finishedBefore(at: number, minutes: number): Record<string, number> {
    const rows = this.finished.all(serviceDay(at, this.timeZone).iso, at - minutes * 60_000, at) as Array<{ serviceId: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.serviceId, row.n]));
  }
}
