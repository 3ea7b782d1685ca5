// A statistics report for a range of days cut one way (service, desk, staff, hour or day), and the
// citizens'-rights indicators 8 to 11, assembled from the aggregates of queries.ts.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { jalaliMonthLength } from '../time/calendar.js';
import { countsBy, distribution, keypadsReporting, longestQueueBy, percentilesBy, promiseAccuracy, ratingsBy, staffNames, type Counts, type GroupKey } from './queries.js';
import { daysBetween, daysOf, type StatsRange } from './range.js';
import type { Figures, Grouping, IndicatorsReport, RatingSummary, ReportPeriod, ReportRow, StatsReport } from './types.js';

export function statsReport(db: Db, config: OfficeConfig, range: StatsRange, by: Grouping): StatsReport {
  const figures = figuresBy(db, config, range, by);
  const total = figuresBy(db, config, range, 'total').get('total') ?? emptyFigures();
  const queues = by === 'service' ? longestQueueBy(db, range, 'service') : undefined;
  const overallQueue = longestQueueBy(db, range, 'total').get('total') ?? 0;
  const rows = rowKeys(db, config, range, by, [...figures.keys()]).map(({ key, name, iso }): ReportRow => ({
    key,
    name,
    ...(iso ? { iso } : {}),
    ...(figures.get(key) ?? emptyFigures()),
    ...(queues ? { longestQueue: queues.get(key) ?? 0 } : {}),
  }));
  return { office: config.name, period: periodOf(range), by, rows, total: { ...total, longestQueue: overallQueue } };
}

export function indicatorsReport(db: Db, config: OfficeConfig, range: StatsRange): IndicatorsReport {
  const byService = statsReport(db, config, range, 'service');
  const months = monthsSpanned(range);
  const ratings = ratingsBy(db, range, 'total');
  const byKind = { desk: 0, exit: 0 };
  for (const r of ratings) byKind[r.kind] += r.n;
  const total = byService.total;
  return {
    office: config.name,
    period: byService.period,
    months,
    visitorsPerMonth: byService.rows.map((row) => ({ serviceId: row.key, name: row.name ?? row.key, issued: row.issued, perMonth: row.issued / months })),
    serviceTime: byService.rows.map((row) => ({
      serviceId: row.key,
      name: row.name ?? row.key,
      served: row.served,
      meanSeconds: row.serviceSeconds.mean,
      p90Seconds: row.serviceSeconds.p90,
      targetWaitMinutes: config.services.find((s) => s.id === row.key)?.targetWaitMinutes ?? 0,
      meanWaitSeconds: row.waitSeconds.mean,
    })),
    turnSystem: {
      accuracy: promiseAccuracy(db, range),
      waitSeconds: total.waitSeconds,
      withinTargetShare: total.withinTargetShare,
      issued: total.issued,
      served: total.served,
      longestQueue: total.longestQueue,
    },
    survey: {
      ratings: total.ratings,
      keypads: keypadsReporting(db, range),
      byKind,
      buttons: [...new Set(ratings.map((r) => r.buttons))].sort(),
    },
  };
}

function figuresBy(db: Db, config: OfficeConfig, range: StatsRange, by: GroupKey): Map<string, Figures> {
  const counts = countsBy(db, config, range, by);
  const waits = percentilesBy(db, range, by, 'wait');
  const services = percentilesBy(db, range, by, 'service');
  const ratings = ratingSummaries(ratingsBy(db, range, by));
  const keys = new Set([...counts.keys(), ...ratings.keys()]);
  return new Map([...keys].map((key) => [key, toFigures(counts.get(key), waits.get(key), services.get(key), ratings.get(key))]));
}

function toFigures(c: Counts | undefined, wait: { p50: number; p90: number } | undefined, service: { p50: number; p90: number } | undefined, ratings: RatingSummary | undefined): Figures {
  if (!c) return { ...emptyFigures(), ratings: ratings ?? emptyRatings() };
  return {
    issued: c.issued,
    served: c.served,
    noShows: c.noShows,
    cancelled: c.cancelled,
    transferred: c.transferred,
    waitSeconds: distribution(c.waitCount, c.waitMean, c.waitMax, wait),
    serviceSeconds: distribution(c.serviceCount, c.serviceMean, c.serviceMax, service),
    withinTargetShare: c.waitCount > 0 ? c.withinTarget / c.waitCount : null,
    ratings: ratings ?? emptyRatings(),
  };
}

/** Ratings per group: counts per button for each keypad size, top-two share, mean on 1–5. */
function ratingSummaries(rows: Array<{ k: string; buttons: number; button: number; n: number }>): Map<string, RatingSummary> {
  const byKey = new Map<string, RatingSummary & { topTwo: number; points: number }>();
  for (const { k, buttons, button, n } of rows) {
    let summary = byKey.get(k);
    if (!summary) byKey.set(k, (summary = { ...emptyRatings(), topTwo: 0, points: 0 }));
    let sized = summary.distribution.find((d) => d.buttons === buttons);
    if (!sized) summary.distribution.push((sized = { buttons, counts: new Array<number>(buttons).fill(0) }));
    sized.counts[button - 1] = (sized.counts[button - 1] ?? 0) + n;
    summary.count += n;
    if (button >= buttons - 1) summary.topTwo += n;
    summary.points += n * (1 + ((button - 1) * 4) / (buttons - 1));
  }
  return new Map(
    [...byKey].map(([k, { topTwo, points, ...summary }]) => [
      k,
      { ...summary, distribution: summary.distribution.sort((a, b) => a.buttons - b.buttons), topTwoShare: topTwo / summary.count, meanOutOf5: points / summary.count },
    ]),
  );
}

/** The rows a report lists, in order: every configured service or desk, every day, the hours and staff that occur. */
function rowKeys(db: Db, config: OfficeConfig, range: StatsRange, by: Grouping, seen: string[]): Array<{ key: string; name: string | null; iso?: string }> {
  const present = seen.filter((k) => k !== 'null');
  switch (by) {
    case 'service': {
      const configured = config.services.map((s) => ({ key: s.id, name: s.name }));
      return [...configured, ...present.filter((k) => !configured.some((c) => c.key === k)).sort().map((key) => ({ key, name: null }))];
    }
    case 'desk': {
      const configured = config.desks.map((d) => ({ key: d.id, name: d.name }));
      return [...configured, ...present.filter((k) => !configured.some((c) => c.key === k)).sort().map((key) => ({ key, name: null }))];
    }
    case 'staff': {
      const names = staffNames(db);
      return present.map((key) => ({ key, name: names.get(key) ?? null })).sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key, 'fa'));
    }
    case 'hour':
      return present.map(Number).sort((a, b) => a - b).map((hour) => ({ key: String(hour), name: null }));
    case 'day':
      return daysOf(range).map(({ iso, jalali }) => ({ key: jalali, name: null, iso }));
  }
}

function periodOf(range: StatsRange): ReportPeriod {
  return { ...range, days: daysBetween(range.from, range.to) + 1 };
}

/** How many Jalali months the range spans: each day counts as a fraction of its own month. */
function monthsSpanned(range: StatsRange): number {
  const daysPerMonth = new Map<string, number>();
  for (const { jalali } of daysOf(range)) daysPerMonth.set(jalali.slice(0, 7), (daysPerMonth.get(jalali.slice(0, 7)) ?? 0) + 1);
  let months = 0;
  for (const [month, days] of daysPerMonth) months += days / jalaliMonthLength(Number(month.slice(0, 4)), Number(month.slice(5)));
  return months;
}

function emptyRatings(): RatingSummary {
  return { count: 0, distribution: [], topTwoShare: null, meanOutOf5: null };
}

function emptyFigures(): Figures {
  const none = { count: 0, mean: null, p50: null, p90: null, max: null };
  return { issued: 0, served: 0, noShows: 0, cancelled: 0, transferred: 0, waitSeconds: none, serviceSeconds: { ...none }, withinTargetShare: null, ratings: emptyRatings() };
}
