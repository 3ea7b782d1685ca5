// The statistics of each closed day, kept in `stats_days` so that a month or a year reads a row a
// day instead of every ticket again. A day is closed once it is over and no ticket of it is still
// open; its tickets and ratings no longer change. A kept day is recomputed when the rollup format or
// the services' target waits (which within-target counts depend on) have changed since. Open days
// (today) are always computed from the tickets. Days missing from the table are filled in the
// background, most recent first. The aggregating itself happens off the main thread (aggregator.ts).
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import { sumAggregates, type Aggregate } from './aggregate.js';
import { createAggregator, type Aggregator } from './aggregator.js';
import { dayStillOpen, firstTicketDay, type Range } from './queries.js';
import { daysOf } from './range.js';

/** Bump when what `aggregateRange` stores changes, so that kept days are recomputed. */
// 2: the promise sums count waits more than 5 minutes past the promised upper end.
const ROLLUP_VERSION = 2;

export class StatsDays {
  private readonly read;
  private readonly write;
  private readonly drop;
  private filling: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly aggregator: Aggregator;

  constructor(
    readonly db: Db,
    /** The configuration now (admins change it while the server runs). */
    readonly config: () => OfficeConfig,
    /** The office clock (reports count ages and overdue items at its now). */
    readonly clock: () => number,
  ) {
    this.aggregator = createAggregator(db);
    this.read = db.prepare(`SELECT day, version, targets, figures FROM stats_days WHERE day BETWEEN ? AND ?`);
    this.write = db.prepare(`INSERT OR REPLACE INTO stats_days (day, version, targets, figures) VALUES (?, ?, ?, ?)`);
    this.drop = db.prepare(`DELETE FROM stats_days WHERE day = ?`);
  }

  /** Everything counted over the range: kept closed days, closed days computed now (and kept), open days live. */
  async aggregate(range: Range): Promise<Aggregate> {
    const today = serviceDay(this.clock(), this.config().timeZone).iso;
    const targets = this.targets();
    const kept = new Map<string, Aggregate>();
    for (const row of this.read.all(range.from, range.to) as Array<{ day: string; version: number; targets: string; figures: string }>) {
      if (row.version === ROLLUP_VERSION && row.targets === targets) kept.set(row.day, JSON.parse(row.figures) as Aggregate);
    }
    const days: Aggregate[] = [];
    for (const { iso } of daysOf(range)) days.push(kept.get(iso) ?? (await this.computeDay(iso, today, targets)));
    return sumAggregates(days);
  }

  /**
   * Fills missing closed days in the background, most recent first, starting a few seconds after
   * start-up, one day at a time so that a manager's request waits behind one day at most. Stops
   * when done or closed.
   */
  fillInBackground(startAfterMs = 5_000, pauseMs = 50): void {
    if (this.filling) return;
    let missing: string[] | null = null;
    const step = async () => {
      this.filling = null;
      if (this.closed || !this.db.open) return;
      const today = serviceDay(this.clock(), this.config().timeZone).iso;
      if (missing === null) {
        const first = firstTicketDay(this.db);
        missing = first && first < today ? daysOf({ from: first, to: today }).map((d) => d.iso).slice(0, -1).reverse() : [];
      }
      const iso = missing.shift();
      if (iso === undefined) return;
      const present = this.read.get(iso, iso) as { version: number; targets: string } | undefined;
      if (!present || present.version !== ROLLUP_VERSION || present.targets !== this.targets()) await this.computeDay(iso, today, this.targets());
      this.schedule(step, pauseMs);
    };
    this.schedule(step, startAfterMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.filling) clearTimeout(this.filling);
    await this.aggregator.close();
  }

  private schedule(step: () => Promise<void>, ms: number): void {
    this.filling = setTimeout(() => {
      // A failed day is left for the next start or the next request; the rest go on.
      step().catch(() => this.schedule(step, ms));
    }, ms);
    this.filling.unref();
  }

  /** A day's aggregate, kept when the day is closed: checked before reading, since closed days do not change. */
  private async computeDay(iso: string, today: string, targets: string): Promise<Aggregate> {
    const closed = iso < today && !dayStillOpen(this.db, iso);
    const day = await this.aggregator.aggregate(this.config(), { from: iso, to: iso });
    if (this.db.open) {
      if (closed) this.write.run(iso, ROLLUP_VERSION, targets, JSON.stringify(day));
      else this.drop.run(iso);
    }
    return day;
  }

  private targets(): string {
    return JSON.stringify(this.config().services.map((s) => [s.id, s.targetWaitMinutes]));
  }
}
