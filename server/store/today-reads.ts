// What the managers' live view reads of the database after every change: the day's ticket counts
// and keypad ratings, and the staff's names. Prepared once.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

export interface DayTicketCounts {
  issued: number;
  served: number;
  noShows: number;
}

export interface DayRatings {
  count: number;
  /** Each rating put on the 1..5 scale (keypads have 3 to 5 buttons) before the mean. */
  mean: number | null;
  poor: number;
}

export class TodayReads {
  private readonly names: Statement;
  private readonly counts: Statement;
  private readonly ratingsOf: Statement;

  constructor(db: Db) {
    this.names = db.prepare(`SELECT id, name FROM users`);
    this.counts = db.prepare(`SELECT COUNT(*) AS issued, COALESCE(SUM(status = 'done'), 0) AS served, COALESCE(SUM(status = 'no_show'), 0) AS noShows FROM tickets WHERE day = ?`);
    this.ratingsOf = db.prepare(`SELECT COUNT(*) AS count, AVG(1 + 4.0 * (button - 1) / (buttons - 1)) AS mean, COALESCE(SUM(button * 5 <= buttons * 2), 0) AS poor FROM ratings WHERE day = ?`);
  }

  staffNames(): Map<string, string> {
    return new Map((this.names.all() as Array<{ id: string; name: string }>).map((u) => [u.id, u.name]));
  }

  tickets(day: string): DayTicketCounts {
    return this.counts.get(day) as DayTicketCounts;
  }

  ratings(day: string): DayRatings {
    return this.ratingsOf.get(day) as DayRatings;
  }
}
