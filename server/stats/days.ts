// The statistics of each closed day, kept in `stats_days` so that a month or a year reads a row a
// day instead of every ticket again. A day is closed once it is over and no ticket of it is still
// open; its tickets and ratings no longer change. A kept day is recomputed when the rollup format or
// the services' target waits (which within-target counts depend on) have changed since. Open days
// (today) are always computed from the tickets. Days missing from the table are filled in the
// background, most recent first, a day per turn of the event loop.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import { aggregateRange, sumAggregates, type Aggregate } from './aggregate.js';
import { dayStillOpen, firstTicketDay, type Range } from './queries.js';
import { daysOf } from './range.js';

/** Bump when what `aggregateRange` stores changes, so that kept days are recomputed. */
const ROLLUP_VERSION = 1;

export class StatsDays {
  private readonly read;
  private readonly write;
  private readonly drop;
  private filling: NodeJS.Timeout | null = null;

  constructor(
    readonly db: Db,
    /** The configuration now (admins change it while the server runs). */
    readonly config: () => OfficeConfig,
    private readonly clock: () => number,
  ) {
    this.read = db.prepare(`SELECT day, version, targets, figures FROM stats_days WHERE day BETWEEN ? AND ?`);
    this.write = db.prepare(`INSERT OR REPLACE INTO stats_days (day, version, targets, figures) VALUES (?, ?, ?, ?)`);
    this.drop = db.prepare(`DELETE FROM stats_days WHERE day = ?`);
  }

  /** Everything counted over the range: kept closed days, closed days computed now (and kept), open days live. */
  aggregate(range: Range): Aggregate {
    const today = serviceDay(this.clock(), this.config().timeZone).iso;
    const targets = this.targets();
    const kept = new Map<string, Aggregate>();
    for (const row of this.read.all(range.from, range.to) as Array<{ day: string; version: number; targets: string; figures: string }>) {
      if (row.version === ROLLUP_VERSION && row.targets === targets) kept.set(row.day, JSON.parse(row.figures) as Aggregate);
    }
    return sumAggregates(daysOf(range).map(({ iso }) => kept.get(iso) ?? this.computeDay(iso, today, targets)));
  }

  /**
   * Fills missing closed days in the background, most recent first, starting a few seconds after
   * start-up and leaving the event loop free between days (a big office's day takes a few hundred
   * milliseconds to aggregate). Stops when done or when the database closes.
   */
  fillInBackground(startAfterMs = 5_000, pauseMs = 50): void {
    if (this.filling) return;
    let missing: string[] | null = null;
    const step = () => {
      this.filling = null;
      if (!this.db.open) return;
      const today = serviceDay(this.clock(), this.config().timeZone).iso;
      if (missing === null) {
        const first = firstTicketDay(this.db);
        missing = first && first < today ? daysOf({ from: first, to: today }).map((d) => d.iso).slice(0, -1).reverse() : [];
      }
      const iso = missing.shift();
      if (iso === undefined) return;
      const present = this.read.get(iso, iso) as { version: number; targets: string } | undefined;
      if (!present || present.version !== ROLLUP_VERSION || present.targets !== this.targets()) this.computeDay(iso, today, this.targets());
      this.schedule(step, pauseMs);
    };
    this.schedule(step, startAfterMs);
  }

  private schedule(step: () => void, ms: number): void {
    this.filling = setTimeout(step, ms);
    this.filling.unref();
  }

  private computeDay(iso: string, today: string, targets: string): Aggregate {
    const day = aggregateRange(this.db, this.config(), { from: iso, to: iso });
    if (iso < today && !dayStillOpen(this.db, iso)) this.write.run(iso, ROLLUP_VERSION, targets, JSON.stringify(day));
    else this.drop.run(iso);
    return day;
  }

  private targets(): string {
    return JSON.stringify(this.config().services.map((s) => [s.id, s.targetWaitMinutes]));
  }
}
