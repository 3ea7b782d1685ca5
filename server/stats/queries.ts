// The SQL behind every statistic: each query aggregates a range of days inside SQLite (over the
// `day` index) and returns one small row per group, never the tickets themselves. Grouping keys,
// names and order are the report's business (report.ts); formatting is format.ts's.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import type { Distribution, Grouping, PromiseAccuracy } from './types.js';

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

export interface Counts {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  waitCount: number;
  waitMean: number | null;
  waitMax: number | null;
  serviceCount: number;
  serviceMean: number | null;
  serviceMax: number | null;
  withinTarget: number;
}

interface Range {
  from: string;
  to: string;
}

/** Ticket counts, means and maxima per group. */
export function countsBy(db: Db, config: OfficeConfig, range: Range, by: GroupKey): Map<string, Counts> {
  const rows = db
    .prepare(
      `SELECT ${TICKET_KEY[by]} AS k, COUNT(*) AS issued, SUM(status = 'done') AS served, SUM(status = 'no_show') AS noShows,
        SUM(status = 'cancelled') AS cancelled, SUM(transfers > 0) AS transferred,
        COUNT(wait_s) AS waitCount, AVG(wait_s) AS waitMean, MAX(wait_s) AS waitMax,
        COUNT(CASE WHEN status = 'done' THEN service_s END) AS serviceCount, AVG(CASE WHEN status = 'done' THEN service_s END) AS serviceMean,
        MAX(CASE WHEN status = 'done' THEN service_s END) AS serviceMax,
        COALESCE(SUM(wait_s <= ${targetSecondsSql(config)}), 0) AS withinTarget
      FROM tickets WHERE day BETWEEN @from AND @to GROUP BY k`,
    )
    .all(range) as Array<Counts & { k: string | number | null }>;
  return new Map(rows.map(({ k, ...counts }) => [String(k), counts]));
}

/** Median and 90th percentile (nearest rank) of the wait or the service time, per group. */
export function percentilesBy(db: Db, range: Range, by: GroupKey, measure: 'wait' | 'service'): Map<string, { p50: number; p90: number }> {
  const column = measure === 'wait' ? 'wait_s' : 'service_s';
  const only = measure === 'wait' ? 'wait_s IS NOT NULL' : `status = 'done' AND service_s IS NOT NULL`;
  const key = TICKET_KEY[by];
  const rows = db
    .prepare(
      `WITH v AS (SELECT ${key} AS k, ${column} AS x, ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${column}) AS r, COUNT(*) OVER (PARTITION BY ${key}) AS n
         FROM tickets WHERE day BETWEEN @from AND @to AND ${only})
       SELECT k, MIN(CASE WHEN r >= 0.5 * n THEN x END) AS p50, MIN(CASE WHEN r >= 0.9 * n THEN x END) AS p90 FROM v GROUP BY k`,
    )
    .all(range) as Array<{ k: string | number | null; p50: number; p90: number }>;
  return new Map(rows.map(({ k, p50, p90 }) => [String(k), { p50, p90 }]));
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

/** Keypad presses per group, keypad size and button. */
export function ratingsBy(db: Db, range: Range, by: GroupKey): Array<{ k: string; buttons: number; button: number; n: number; kind: 'desk' | 'exit' }> {
  const rows = db
    .prepare(
      `SELECT ${RATING_KEY[by]} AS k, kind, buttons, button, COUNT(*) AS n FROM ratings WHERE day BETWEEN @from AND @to
       GROUP BY k, kind, buttons, button`,
    )
    .all(range) as Array<{ k: string | number | null; kind: 'desk' | 'exit'; buttons: number; button: number; n: number }>;
  return rows.map((row) => ({ ...row, k: String(row.k) }));
}

/** Keypads that reported in the range, by where they stand. */
export function keypadsReporting(db: Db, range: Range): { desk: number; exit: number } {
  const rows = db
    .prepare(`SELECT kind, COUNT(DISTINCT keypad_id) AS n FROM ratings WHERE day BETWEEN @from AND @to GROUP BY kind`)
    .all(range) as Array<{ kind: 'desk' | 'exit'; n: number }>;
  return { desk: rows.find((r) => r.kind === 'desk')?.n ?? 0, exit: rows.find((r) => r.kind === 'exit')?.n ?? 0 };
}

/** How the wait promised at issue compared with the wait that followed. */
export function promiseAccuracy(db: Db, range: Range): PromiseAccuracy {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS count, SUM(wait_s BETWEEN promised_low_s AND promised_high_s) AS withinRange, SUM(wait_s <= promised_high_s) AS notLater,
        AVG(ABS(wait_s - promised_s)) AS meanAbsoluteErrorSeconds, AVG(wait_s - promised_s) AS meanLatenessSeconds
      FROM tickets WHERE day BETWEEN @from AND @to AND promised_s IS NOT NULL AND wait_s IS NOT NULL`,
    )
    .get(range) as { count: number; withinRange: number | null; notLater: number | null; meanAbsoluteErrorSeconds: number | null; meanLatenessSeconds: number | null };
  const share = (n: number | null) => (row.count > 0 ? (n ?? 0) / row.count : null);
  return {
    count: row.count,
    withinRangeShare: share(row.withinRange),
    notLaterShare: share(row.notLater),
    meanAbsoluteErrorSeconds: row.meanAbsoluteErrorSeconds,
    meanLatenessSeconds: row.meanLatenessSeconds,
  };
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

export function distribution(count: number, mean: number | null, max: number | null, percentiles: { p50: number; p90: number } | undefined): Distribution {
  return { count, mean: count > 0 ? mean : null, p50: count > 0 ? (percentiles?.p50 ?? null) : null, p90: count > 0 ? (percentiles?.p90 ?? null) : null, max: count > 0 ? max : null };
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
