// The organisation's indicators report: the office-day figures of the chosen offices summed over a
// range of days, per service (indicators 8 and 9), in total (10, 11) and per office beside it. One
// scan of office_days with grouping sets gives all three.
import { daysBetween, type StatsRange } from '../../stats/range.js';
import { monthsSpanned } from '../../stats/report.js';
import type { Pool } from '../db/pool.js';
import type { DayFigures } from '../ingest/tally.js';

export interface OrgScope {
  province: string | null;
  officeId: number | null;
}

/** A row of summed office-day figures: the same fields as one office-day's. */
type Sums = DayFigures;

export interface OfficeFigures {
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  waitSeconds: { count: number; mean: number | null };
  serviceSeconds: { count: number; mean: number | null };
  ratings: { count: number; topTwoShare: number | null; meanOutOf5: number | null };
}

export interface OrgIndicatorsReport {
  period: StatsRange & { days: number };
  months: number;
  scope: OrgScope;
  /** Indicator 8, summed over the offices: visitors per month, per service id. */
  visitorsPerMonth: Array<{ serviceId: string; issued: number; perMonth: number }>;
  /** Indicator 9: time at the desk and wait, per service id. */
  serviceTime: Array<{ serviceId: string; served: number; meanSeconds: number | null; meanWaitSeconds: number | null }>;
  total: OfficeFigures;
  offices: Array<{ id: number; name: string; province: string } & OfficeFigures>;
}

const SUMS = `SUM(issued)::int AS "issued", SUM(served)::int AS "served", SUM(no_shows)::int AS "noShows", SUM(cancelled)::int AS "cancelled",
  SUM(transferred)::int AS "transferred", SUM(wait_count)::int AS "waitCount", SUM(wait_ms)::float8 AS "waitMs", SUM(service_count)::int AS "serviceCount",
  SUM(service_ms)::float8 AS "serviceMs", SUM(ratings)::int AS "ratings", SUM(ratings_top_two)::int AS "ratingsTopTwo", SUM(rating_points3)::float8 AS "ratingPoints3"`;

export async function orgIndicators(pool: Pool, range: StatsRange, scope: OrgScope): Promise<OrgIndicatorsReport> {
  const offices = await pool.query<{ id: number; name: string; province: string }>(
    `SELECT id, name, province FROM offices WHERE ($1::text IS NULL OR province = $1) AND ($2::int IS NULL OR id = $2) ORDER BY province, name, id`,
    [scope.province, scope.officeId],
  );
  const ids = offices.rows.map((o) => o.id);
  const whole = scope.province === null && scope.officeId === null;
  const { rows } = await pool.query<Sums & { office_id: number | null; service_id: string | null; g_office: number; g_service: number }>(
    `SELECT office_id, service_id, GROUPING(office_id) AS g_office, GROUPING(service_id) AS g_service, ${SUMS}
     FROM office_days WHERE day BETWEEN $1 AND $2 AND ($3::int[] IS NULL OR office_id = ANY($3))
     GROUP BY GROUPING SETS ((office_id), (service_id), ())`,
    [range.from, range.to, whole ? null : ids],
  );
  const months = monthsSpanned(range);
  const perService = rows.filter((r) => r.g_office === 1 && r.g_service === 0 && r.service_id !== null && r.service_id !== '').sort((a, b) => a.service_id!.localeCompare(b.service_id!));
  const perOffice = new Map(rows.filter((r) => r.g_office === 0 && r.g_service === 1).map((r) => [r.office_id!, r]));
  const total = rows.find((r) => r.g_office === 1 && r.g_service === 1);
  return {
    period: { ...range, days: daysBetween(range.from, range.to) + 1 },
    months,
    scope,
    visitorsPerMonth: perService.map((r) => ({ serviceId: r.service_id!, issued: r.issued, perMonth: r.issued / months })),
    serviceTime: perService.map((r) => ({ serviceId: r.service_id!, served: r.served, meanSeconds: mean(r.serviceMs, r.serviceCount), meanWaitSeconds: mean(r.waitMs, r.waitCount) })),
    total: figuresOf(total),
    offices: offices.rows.map((o) => ({ ...o, ...figuresOf(perOffice.get(o.id)) })),
  };
}

function figuresOf(s: Sums | undefined): OfficeFigures {
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    issued: n(s?.issued),
    served: n(s?.served),
    noShows: n(s?.noShows),
    cancelled: n(s?.cancelled),
    transferred: n(s?.transferred),
    waitSeconds: { count: n(s?.waitCount), mean: mean(n(s?.waitMs), n(s?.waitCount)) },
    serviceSeconds: { count: n(s?.serviceCount), mean: mean(n(s?.serviceMs), n(s?.serviceCount)) },
    ratings: { count: n(s?.ratings), topTwoShare: n(s?.ratings) ? n(s?.ratingsTopTwo) / n(s?.ratings) : null, meanOutOf5: n(s?.ratings) ? n(s?.ratingPoints3) / 3 / n(s?.ratings) : null },
  };
}

/** Seconds from a sum of milliseconds. */
function mean(sumMs: number, count: number): number | null {
  return count > 0 ? sumMs / count / 1000 : null;
}
