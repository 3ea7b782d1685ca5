// The SQL behind every statistic: each query aggregates a range of days inside SQLite (over the
// `day` index) and returns one small row per group, never the tickets themselves. Grouping keys,
// names and order are the report's business (report.ts); formatting is format.ts's.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import type { Grouping } from './types.js';

/** What a ticket is grouped by: the service it ended in, the desk and staff member that last called it. */
const TICKET_KEY: Record<Grouping | 'total', string> = {
  service: 'service_id',
  desk: 'called_desk_id',
  staff: 'staff_id',
  hour: 'hour',
  day: 'jday',
  total: "'total'",
};
/** A rating's own desk, service, staff member, hour and day. */
const RATING_KEY: Record<Grouping | 'total', string> = {
  service: 'service_id',
  desk: 'desk_id',
  staff: 'staff_id',
  hour: 'hour',
  day: 'jday',
  total: "'total'",
};

export type GroupKey = Grouping | 'total';

export interface Range {
  from: string;
  to: string;
}

/** Counts and sums of one group: everything that adds up across days. */
export interface Counts {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  withinTarget: number;
  waitCount: number;
  waitSum: number;
  waitMax: number | null;
  serviceCount: number;
  serviceSum: number;
  serviceMax: number | null;
}

/** Ticket counts, sums and maxima per group. */
export function countsBy(db: Db, config: OfficeConfig, range: Range, by: GroupKey): Map<string, Counts> {
  const rows = db
    .prepare(
      `SELECT ${TICKET_KEY[by]} AS k, COUNT(*) AS issued, SUM(status = 'done') AS served, SUM(status = 'no_show') AS noShows,
        SUM(status = 'cancelled') AS cancelled, SUM(transfers > 0) AS transferred, COALESCE(SUM(wait_s <= ${targetSecondsSql(config)}), 0) AS withinTarget,
        COUNT(wait_s) AS waitCount, COALESCE(SUM(wait_s), 0) AS waitSum, MAX(wait_s) AS waitMax,
        COUNT(CASE WHEN status = 'done' THEN service_s END) AS serviceCount, COALESCE(SUM(CASE WHEN status = 'done' THEN service_s END), 0) AS serviceSum,
        MAX(CASE WHEN status = 'done' THEN service_s END) AS serviceMax
      FROM tickets WHERE day BETWEEN @from AND @to GROUP BY k`,
    )
    .all(range) as Array<Counts & { k: string | number | null }>;
  return new Map(rows.map(({ k, ...counts }) => [String(k), counts]));
}

/**
 * Histogram buckets of a duration, by their lower bound in seconds: 5 s wide below 10 minutes, 30 s
 * below an hour, a minute beyond. Percentiles read from them are within half a bucket of the truth,
 * and histograms of days add up into a month's or a year's.
 */
export function bucketSql(column: string): string {
  return `CASE WHEN ${column} < 600 THEN CAST(${column} / 5 AS INTEGER) * 5 WHEN ${column} < 3600 THEN CAST(${column} / 30 AS INTEGER) * 30 ELSE CAST(${column} / 60 AS INTEGER) * 60 END`;
}

/** The same bucket in TypeScript (CAST AS INTEGER truncates, like Math.trunc), for figures kept elsewhere. */
export function bucketOf(seconds: number): number {
  const width = seconds < 600 ? 5 : seconds < 3600 ? 30 : 60;
  return Math.trunc(seconds / width) * width;
}

export function bucketWidth(lowerBound: number): number {
  return lowerBound < 600 ? 5 : lowerBound < 3600 ? 30 : 60;
}

/** How many waits (or service times) fell in each bucket, per group. */
export function histogramsBy(db: Db, range: Range, by: GroupKey, measure: 'wait' | 'service'): Map<string, Map<number, number>> {
  const column = measure === 'wait' ? 'wait_s' : 'service_s';
  const only = measure === 'wait' ? 'wait_s IS NOT NULL' : `status = 'done' AND service_s IS NOT NULL`;
  const rows = db
    .prepare(`SELECT ${TICKET_KEY[by]} AS k, ${bucketSql(column)} AS b, COUNT(*) AS n FROM tickets WHERE day BETWEEN @from AND @to AND ${only} GROUP BY k, b`)
    .all(range) as Array<{ k: string | number | null; b: number; n: number }>;
  const histograms = new Map<string, Map<number, number>>();
  for (const { k, b, n } of rows) {
    const key = String(k);
    let histogram = histograms.get(key);
    if (!histogram) histograms.set(key, (histogram = new Map()));
    histogram.set(b, n);
  }
  return histograms;
}

/**
 * The most tickets waiting for their first call at one moment, per service they were issued for (or
 * all together): +1 at issue, −1 at the first call or, for a ticket never called, when it was closed.
 * At equal instants a departure counts before an arrival.
 */
export function longestQueueBy(db: Db, range: Range, by: 'service' | 'total'): Map<string, number> {
  const key = by === 'service' ? 'first_service_id' : "'total'";
  const rows = db
    .prepare(
      `WITH moves AS (
         SELECT ${key} AS k, issued_at AS t, 1 AS d FROM tickets WHERE day BETWEEN @from AND @to
         UNION ALL
         SELECT ${key}, COALESCE(called_at, finished_at), -1 FROM tickets WHERE day BETWEEN @from AND @to AND COALESCE(called_at, finished_at) IS NOT NULL),
       waiting AS (SELECT k, SUM(d) OVER (PARTITION BY k ORDER BY t, d ROWS UNBOUNDED PRECEDING) AS n FROM moves)
       SELECT k, MAX(n) AS longest FROM waiting GROUP BY k`,
    )
    .all(range) as Array<{ k: string; longest: number }>;
  return new Map(rows.map(({ k, longest }) => [String(k), longest]));
}

export interface RatingCount {
  k: string;
  kind: 'desk' | 'exit';
  buttons: number;
  button: number;
  n: number;
}

/** Keypad presses per group, keypad placement and size, and button. */
export function ratingsBy(db: Db, range: Range, by: GroupKey): RatingCount[] {
  const rows = db
    .prepare(
      `SELECT ${RATING_KEY[by]} AS k, kind, buttons, button, COUNT(*) AS n FROM ratings WHERE day BETWEEN @from AND @to
       GROUP BY k, kind, buttons, button`,
    )
    .all(range) as Array<Omit<RatingCount, 'k'> & { k: string | number | null }>;
  return rows.map((row) => ({ ...row, k: String(row.k) }));
}

/** The keypads that reported in the range, by where they stand. */
export function keypadsReporting(db: Db, range: Range): { desk: string[]; exit: string[] } {
  const rows = db.prepare(`SELECT DISTINCT kind, keypad_id AS id FROM ratings WHERE day BETWEEN @from AND @to`).all(range) as Array<{ kind: 'desk' | 'exit'; id: string }>;
  return { desk: rows.filter((r) => r.kind === 'desk').map((r) => r.id), exit: rows.filter((r) => r.kind === 'exit').map((r) => r.id) };
}

/** Sums that compare the wait promised at issue with the wait that followed. */
export interface PromiseSums {
  count: number;
  withinRange: number;
  notLater: number;
  /** Waited more than 5 minutes past the promised upper end. */
  pastUpperBy5: number;
  absoluteErrorSum: number;
  latenessSum: number;
}

export function promiseSums(db: Db, range: Range): PromiseSums {
  return db
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(wait_s BETWEEN promised_low_s AND promised_high_s), 0) AS withinRange,
        COALESCE(SUM(wait_s <= promised_high_s), 0) AS notLater, COALESCE(SUM(wait_s > promised_high_s + 300), 0) AS pastUpperBy5, COALESCE(SUM(ABS(wait_s - promised_s)), 0) AS absoluteErrorSum,
        COALESCE(SUM(wait_s - promised_s), 0) AS latenessSum
      FROM tickets WHERE day BETWEEN @from AND @to AND promised_s IS NOT NULL AND wait_s IS NOT NULL`,
    )
    .get(range) as PromiseSums;
}

/** Whether any ticket of the day is still open (waiting, called, serving, parked): its figures may change. */
export function dayStillOpen(db: Db, iso: string): boolean {
  return db.prepare(`SELECT 1 FROM tickets WHERE status IN ('issued', 'called', 'serving', 'parked') AND day = ? LIMIT 1`).get(iso) !== undefined;
}

/** The first day with a ticket, or null. */
export function firstTicketDay(db: Db): string | null {
  return (db.prepare(`SELECT MIN(day) AS day FROM tickets`).get() as { day: string | null }).day;
}

/** Display names of the users who appear as staff. */
export function staffNames(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT id, name FROM users`).all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Each service's target wait in seconds, as a SQL expression over `service_id` (ids are checked by the config schema). */
function targetSecondsSql(config: OfficeConfig): string {
  const cases = config.services.map((s) => `WHEN '${s.id}' THEN ${s.targetWaitMinutes * 60}`).join(' ');
  return `CASE service_id ${cases} ELSE ${15 * 60} END`;
}


/** One day's tickets for the CSV export, in order of issue, with the rating each got (no free-text notes). */
export interface TicketExportRow {
  day: string;
  jday: string;
  number: string;
  serviceId: string;
  firstServiceId: string;
  priorityGroup: string | null;
  status: string;
  deskId: string | null;
  staffId: string | null;
  issuedAt: number;
  calledAt: number | null;
  finishedAt: number | null;
  waitSeconds: number | null;
  serviceSeconds: number | null;
  outcome: string | null;
  recalls: number;
  transfers: number;
  promisedSeconds: number | null;
  promisedLow: number | null;
  promisedHigh: number | null;
  ratingButton: number | null;
  ratingButtons: number | null;
}

export function ticketsOfDay(db: Db, iso: string): TicketExportRow[] {
  return db
    .prepare(
      `SELECT t.day, t.jday, t.number, t.service_id AS serviceId, t.first_service_id AS firstServiceId, t.priority_group AS priorityGroup, t.status,
        t.called_desk_id AS deskId, t.staff_id AS staffId, t.issued_at AS issuedAt, t.called_at AS calledAt, t.finished_at AS finishedAt,
        t.wait_s AS waitSeconds, t.service_s AS serviceSeconds, t.outcome, t.recalls, t.transfers, t.promised_s AS promisedSeconds,
        t.promised_low_s AS promisedLow, t.promised_high_s AS promisedHigh, r.button AS ratingButton, r.buttons AS ratingButtons
      FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.day = ? ORDER BY t.issued_at, t.counter`,
    )
    .all(iso) as TicketExportRow[];
}
