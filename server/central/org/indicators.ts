// The organisation's indicators report: the office-day figures of the chosen offices summed over a
// range of days, per service (indicators 8 and 9), in total (10, 11) and per office beside it. One
// scan of office_days with grouping sets gives the sums; the histograms of the same rows, added up
// per office, per service and in total, give the percentiles (which cannot be summed or averaged).
import { daysBetween, daysOf, type StatsRange } from '../../stats/range.js';
import { jalaliMonthLength } from '../../time/calendar.js';
import { monthsSpanned } from '../../stats/report.js';
import type { Distribution, PromiseAccuracy } from '../../stats/types.js';
import type { Pool } from '../db/pool.js';
import type { DayFigures } from '../ingest/tally.js';
import { SpreadSum } from './spreads.js';

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
  /** Issue to first call, as in an office's report: count, mean, p50, p90 and max, seconds. */
  waitSeconds: Distribution;
  /** Time at desks of the served tickets. */
  serviceSeconds: Distribution;
  /** How well the wait told at issue held (indicator 10). */
  accuracy: PromiseAccuracy;
  ratings: { count: number; topTwoShare: number | null; meanOutOf5: number | null };
}

export interface OrgIndicatorsReport {
  period: StatsRange & { days: number };
  months: number;
  scope: OrgScope;
  /** Indicator 8, summed over the offices: visitors per month, per service id. */
  visitorsPerMonth: Array<{ serviceId: string; issued: number; perMonth: number }>;
  /** Indicator 9: time at the desk and wait, per service id. */
  serviceTime: Array<{ serviceId: string; served: number; meanSeconds: number | null; p90Seconds: number | null; meanWaitSeconds: number | null; p90WaitSeconds: number | null }>;
  /** Indicator 10 over the scope: the wait's spread and how well the promised wait held. */
  turnSystem: { issued: number; served: number; waitSeconds: Distribution; accuracy: PromiseAccuracy };
  total: OfficeFigures;
  offices: Array<{ id: number; name: string; province: string } & OfficeFigures>;
}

const SUMS = `SUM(issued)::int AS "issued", SUM(served)::int AS "served", SUM(no_shows)::int AS "noShows", SUM(cancelled)::int AS "cancelled",
  SUM(transferred)::int AS "transferred", SUM(wait_count)::int AS "waitCount", SUM(wait_ms)::float8 AS "waitMs", SUM(service_count)::int AS "serviceCount",
  SUM(service_ms)::float8 AS "serviceMs", SUM(ratings)::int AS "ratings", SUM(ratings_top_two)::int AS "ratingsTopTwo", SUM(rating_points3)::float8 AS "ratingPoints3",
  SUM(promise_count)::int AS "promiseCount", SUM(promise_within)::int AS "promiseWithin", SUM(promise_not_later)::int AS "promiseNotLater",
  SUM(promise_past_upper_by5)::int AS "promisePastUpperBy5", SUM(promise_abs_error_ms)::float8 AS "promiseAbsErrorMs", SUM(promise_lateness_ms)::float8 AS "promiseLatenessMs"`;

/** The wait and service-time histograms of one group being added up. */
interface Spreads {
  wait: SpreadSum;
  service: SpreadSum;
}

export async function orgIndicators(pool: Pool, range: StatsRange, scope: OrgScope): Promise<OrgIndicatorsReport> {
  const offices = await pool.query<{ id: number; name: string; province: string }>(
    `SELECT id, name, province FROM offices WHERE ($1::text IS NULL OR province = $1) AND ($2::int IS NULL OR id = $2) ORDER BY province, name, id`,
    [scope.province, scope.officeId],
  );
  const ids = offices.rows.map((o) => o.id);
  const whole = scope.province === null && scope.officeId === null;
  const params = [range.from, range.to, whole ? null : ids];
  const [{ rows }, spreads] = await Promise.all([
    pool.query<Sums & { office_id: number | null; service_id: string | null; g_office: number; g_service: number }>(
      `SELECT office_id, service_id, GROUPING(office_id) AS g_office, GROUPING(service_id) AS g_service, ${SUMS}
       FROM office_days WHERE day BETWEEN $1 AND $2 AND ($3::int[] IS NULL OR office_id = ANY($3))
       GROUP BY GROUPING SETS ((office_id), (service_id), ())`,
      params,
    ),
    spreadsOf(pool, range, whole ? null : ids),
  ]);
  const months = monthsSpanned(range);
  const perService = rows.filter((r) => r.g_office === 1 && r.g_service === 0 && r.service_id !== null && r.service_id !== '').sort((a, b) => a.service_id!.localeCompare(b.service_id!));
  const perOffice = new Map(rows.filter((r) => r.g_office === 0 && r.g_service === 1).map((r) => [r.office_id!, r]));
  const total = rows.find((r) => r.g_office === 1 && r.g_service === 1);
  const totalFigures = figuresOf(total, spreads.total);
  return {
    period: { ...range, days: daysBetween(range.from, range.to) + 1 },
    months,
    scope,
    visitorsPerMonth: perService.map((r) => ({ serviceId: r.service_id!, issued: r.issued, perMonth: r.issued / months })),
    serviceTime: perService.map((r) => {
      const s = spreads.byService.get(r.service_id!);
      return {
        serviceId: r.service_id!,
        served: r.served,
        meanSeconds: mean(r.serviceMs, r.serviceCount),
        p90Seconds: s?.service.distribution(r.serviceCount, r.serviceMs).p90 ?? null,
        meanWaitSeconds: mean(r.waitMs, r.waitCount),
        p90WaitSeconds: s?.wait.distribution(r.waitCount, r.waitMs).p90 ?? null,
      };
    }),
    turnSystem: { issued: totalFigures.issued, served: totalFigures.served, waitSeconds: totalFigures.waitSeconds, accuracy: totalFigures.accuracy },
    total: totalFigures,
    offices: offices.rows.map((o) => ({ ...o, ...figuresOf(perOffice.get(o.id), spreads.byOffice.get(o.id)) })),
  };
}

/**
 * The histograms of the range, added per office, per service and in total: whole Jalali months from
 * the month rows, the days around them from the day rows.
 */
async function spreadsOf(pool: Pool, range: StatsRange, offices: number[] | null): Promise<{ total: Spreads; byOffice: Map<number, Spreads>; byService: Map<string, Spreads> }> {
  const { months, days } = splitIntoMonths(range);
  const { rows } = await pool.query<{ office_id: number; service_id: string; wait: Record<string, number>; service: Record<string, number>; wait_max: number | null; service_max: number | null }>(
    `SELECT office_id, service_id, wait_histogram AS wait, service_histogram AS service, wait_max_s AS wait_max, service_max_s AS service_max
     FROM office_month_spreads WHERE month = ANY($1::text[]) AND ($3::int[] IS NULL OR office_id = ANY($3))
     UNION ALL
     SELECT office_id, service_id, wait_histogram, service_histogram, wait_max_s, service_max_s
     FROM office_day_spreads WHERE day = ANY($2::date[]) AND ($3::int[] IS NULL OR office_id = ANY($3))`,
    [months, days, offices],
  );
  const fresh = (): Spreads => ({ wait: new SpreadSum(), service: new SpreadSum() });
  const total = fresh();
  const byOffice = new Map<number, Spreads>();
  const byService = new Map<string, Spreads>();
  for (const row of rows) {
    let office = byOffice.get(row.office_id);
    if (!office) byOffice.set(row.office_id, (office = fresh()));
    let service = byService.get(row.service_id);
    if (!service) byService.set(row.service_id, (service = fresh()));
    for (const group of [total, office, service]) {
      group.wait.add(row.wait, row.wait_max);
      group.service.add(row.service, row.service_max);
    }
  }
  return { total, byOffice, byService };
}

/** The Jalali months wholly inside the range, and the range's other days (ISO). */
export function splitIntoMonths(range: StatsRange): { months: string[]; days: string[] } {
  const byMonth = new Map<string, string[]>();
  for (const { iso, jalali } of daysOf(range)) {
    const month = jalali.slice(0, 7);
    const list = byMonth.get(month);
    if (list) list.push(iso);
    else byMonth.set(month, [iso]);
  }
  const months: string[] = [];
  const days: string[] = [];
  for (const [month, isos] of byMonth) {
    if (isos.length === jalaliMonthLength(Number(month.slice(0, 4)), Number(month.slice(5)))) months.push(month);
    else days.push(...isos);
  }
  return { months, days };
}

function figuresOf(s: Sums | undefined, spreads: Spreads | undefined): OfficeFigures {
  const n = (v: number | null | undefined) => v ?? 0;
  const none = new SpreadSum();
  const promised = n(s?.promiseCount);
  const per = (v: number | undefined) => (promised > 0 ? n(v) / promised : null);
  return {
    issued: n(s?.issued),
    served: n(s?.served),
    noShows: n(s?.noShows),
    cancelled: n(s?.cancelled),
    transferred: n(s?.transferred),
    waitSeconds: (spreads?.wait ?? none).distribution(n(s?.waitCount), n(s?.waitMs)),
    serviceSeconds: (spreads?.service ?? none).distribution(n(s?.serviceCount), n(s?.serviceMs)),
    accuracy: {
      count: promised,
      withinRangeShare: per(s?.promiseWithin),
      notLaterShare: per(s?.promiseNotLater),
      pastUpperBy5Share: per(s?.promisePastUpperBy5),
      meanAbsoluteErrorSeconds: promised > 0 ? n(s?.promiseAbsErrorMs) / promised / 1000 : null,
      meanLatenessSeconds: promised > 0 ? n(s?.promiseLatenessMs) / promised / 1000 : null,
    },
    ratings: { count: n(s?.ratings), topTwoShare: n(s?.ratings) ? n(s?.ratingsTopTwo) / n(s?.ratings) : null, meanOutOf5: n(s?.ratings) ? n(s?.ratingPoints3) / 3 / n(s?.ratings) : null },
  };
}

/** Seconds from a sum of milliseconds. */
function mean(sumMs: number, count: number): number | null {
  return count > 0 ? sumMs / count / 1000 : null;
}
