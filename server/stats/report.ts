// A statistics report for a range of days cut one way (service, desk, staff, hour or day), and the
// citizens'-rights indicators: 8 to 11 read from the range's aggregate (days.ts, aggregate.ts), the
// citizens' voice's (12, 19, 20, 22, 23) from its own tables (server/voice/indicators.ts).
import type { OfficeConfig } from '../config/schema.js';
import { jalaliMonthLength } from '../time/calendar.js';
import { figuresOf, ratingPlacements, type Aggregate } from './aggregate.js';
import type { StatsDays } from './days.js';
import { staffNames } from './queries.js';
import { daysBetween, daysOf, type StatsRange } from './range.js';
import { voiceIndicators } from '../voice/indicators.js';
import { GROUPINGS, type Grouping, type IndicatorsReport, type PromiseAccuracy, type ReportPeriod, type ReportRow, type StatsReport, type StatsReportSet } from './types.js';
import { bookingIndicator } from './bookings.js';

export async function statsReport(stats: StatsDays, range: StatsRange, by: Grouping): Promise<StatsReport> {
  return reportOf(stats, await stats.aggregate(range), range, by);
}

/** Every grouping of one range, from one read of its days (for the statistics workbook). */
export async function statsReports(stats: StatsDays, range: StatsRange, groupings: readonly Grouping[]): Promise<StatsReport[]> {
  const aggregate = await stats.aggregate(range);
  return groupings.map((by) => reportOf(stats, aggregate, range, by));
}

/** Every grouping of one range in one answer (the manager's history tab): one read, one aggregate. */
export async function statsReportsByGrouping(stats: StatsDays, range: StatsRange): Promise<StatsReportSet> {
  const reports = await statsReports(stats, range, GROUPINGS);
  const first = reports[0]!;
  return { office: first.office, period: first.period, total: first.total, rows: Object.fromEntries(reports.map((r) => [r.by, r.rows])) as StatsReportSet['rows'] };
}

export async function indicatorsReport(stats: StatsDays, range: StatsRange): Promise<IndicatorsReport> {
  const config = stats.config();
  const aggregate = await stats.aggregate(range);
  const byService = reportOf(stats, aggregate, range, 'service');
  const months = monthsSpanned(range);
  // Two visitors on one day are not «۶۰ در ماه»: only whole months give a monthly average.
  const partialPeriod = Math.abs(months - Math.round(months)) > 1e-9 || months < 1;
  const total = byService.total;
  const { byKind, buttons } = ratingPlacements(aggregate.groups.total.total?.ratings ?? []);
  return {
    office: config.name,
    period: byService.period,
    months,
    partialPeriod,
    visitorsPerMonth: byService.rows.map((row) => ({ serviceId: row.key, name: row.name ?? row.key, issued: row.issued, perMonth: partialPeriod ? null : row.issued / months })),
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
      accuracy: accuracyOf(aggregate),
      waitSeconds: total.waitSeconds,
      withinTargetShare: total.withinTargetShare,
      issued: total.issued,
      served: total.served,
      longestQueue: total.longestQueue,
    },
    survey: {
      ratings: total.ratings,
      keypads: { desk: aggregate.keypads.desk.length, exit: aggregate.keypads.exit.length },
      byKind,
      buttons,
    },
    bookings: bookingIndicator(stats.db, range, stats.clock(), config.booking?.punctualityMinutes ?? 10),
    ...(await voiceIndicators(stats, range, stats.clock())),
  };
}

function reportOf(stats: StatsDays, aggregate: Aggregate, range: StatsRange, by: Grouping): StatsReport {
  const config = stats.config();
  const groups = aggregate.groups[by];
  const totalGroup = aggregate.groups.total.total;
  const rows = rowKeys(stats, config, range, by, Object.keys(groups)).map(({ key, name, nameEn = null, iso }): ReportRow => ({
    key,
    name,
    nameEn,
    ...(iso ? { iso } : {}),
    ...figuresOf(groups[key]),
    ...(by === 'service' ? { longestQueue: groups[key]?.longestQueue ?? 0 } : {}),
  }));
  return { office: config.name, period: periodOf(range), by, rows, total: { ...figuresOf(totalGroup), longestQueue: totalGroup?.longestQueue ?? 0 } };
}

function accuracyOf(aggregate: Aggregate): PromiseAccuracy {
  const p = aggregate.promise;
  const per = (n: number) => (p.count > 0 ? n / p.count : null);
  return {
    count: p.count,
    withinRangeShare: per(p.withinRange),
    notLaterShare: per(p.notLater),
    pastUpperBy5Share: per(p.pastUpperBy5),
    meanAbsoluteErrorSeconds: per(p.absoluteErrorSum),
    meanLatenessSeconds: per(p.latenessSum),
  };
}

/** The rows a report lists, in order: every configured service or desk, every day, the hours and staff that occur. */
function rowKeys(stats: StatsDays, config: OfficeConfig, range: StatsRange, by: Grouping, seen: string[]): Array<{ key: string; name: string | null; nameEn?: string | null; iso?: string }> {
  const present = seen.filter((k) => k !== 'null');
  switch (by) {
    case 'service':
      return withUnknown(config.services.map((s) => ({ key: s.id, name: s.name, nameEn: s.nameEn })), present);
    case 'desk':
      return withUnknown(config.desks.map((d) => ({ key: d.id, name: d.name, nameEn: d.nameEn ?? `Desk ${d.number}` })), present);
    case 'staff': {
      const names = staffNames(stats.db);
      return present.map((key) => ({ key, name: names.get(key) ?? null })).sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key, 'fa'));
    }
    case 'hour':
      return present.map(Number).sort((a, b) => a - b).map((hour) => ({ key: String(hour), name: null }));
    case 'day':
      return daysOf(range).map(({ iso, jalali }) => ({ key: jalali, name: null, iso }));
  }
}

/** The configured rows, then any others the tickets name (a service or desk since removed). */
function withUnknown(configured: Array<{ key: string; name: string; nameEn: string }>, present: string[]): Array<{ key: string; name: string | null; nameEn: string | null }> {
  const known = new Set(configured.map((c) => c.key));
  return [...configured, ...present.filter((k) => !known.has(k)).sort().map((key) => ({ key, name: null, nameEn: null }))];
}

function periodOf(range: StatsRange): ReportPeriod {
  return { ...range, days: daysBetween(range.from, range.to) + 1 };
}

/** How many Jalali months the range spans: each day counts as a fraction of its own month. */
export function monthsSpanned(range: StatsRange): number {
  const daysPerMonth = new Map<string, number>();
  for (const { jalali } of daysOf(range)) daysPerMonth.set(jalali.slice(0, 7), (daysPerMonth.get(jalali.slice(0, 7)) ?? 0) + 1);
  let months = 0;
  for (const [month, days] of daysPerMonth) months += days / jalaliMonthLength(Number(month.slice(0, 4)), Number(month.slice(5)));
  return months;
}
