// Indicator 19: the office's monthly performance as published to citizens at /open and
// /api/v1/open/summary(.csv): per service and Jalali month, visitors, mean wait and service time,
// the share called within the service's target, satisfaction, and complaints received and answered
// with the mean time to answer. Aggregates only, every cell about fewer than five people withheld.
import type { OfficeConfig } from '../config/schema.js';
import { figuresOf } from '../stats/aggregate.js';
import type { StatsDays } from '../stats/days.js';
import { daysOf, type StatsRange } from '../stats/range.js';
import { serviceDay } from '../time/day.js';
import { cellOf, type Cell } from './small-cells.js';

export const OPEN_COLUMNS = ['visitors', 'meanWaitSeconds', 'meanServiceSeconds', 'withinTargetShare', 'satisfactionOutOf5', 'complaintsReceived', 'complaintsAnswered', 'meanAnswerSeconds'] as const;
export type OpenColumn = (typeof OPEN_COLUMNS)[number];

export interface OpenRow extends Record<OpenColumn, number | null> {
  /** The Jalali month ('1405-09'). */
  month: string;
  /** Null for complaints that name no service. */
  serviceId: string | null;
  service: string;
  serviceEn: string | null;
  /** The cells withheld as about fewer than five people. */
  suppressed: OpenColumn[];
}

export interface OpenSummary {
  office: string;
  from: string;
  to: string;
  fromJalali: string;
  toJalali: string;
  months: string[];
  rows: OpenRow[];
  smallCellLimit: number;
}

interface ComplaintCounts {
  received: number;
  answered: number;
  answerSecondsSum: number;
}

export async function openSummary(stats: StatsDays, range: StatsRange): Promise<OpenSummary> {
  const config = stats.config();
  const complaints = complaintsByMonth(stats, range);
  const rows: OpenRow[] = [];
  // Days still to come have nothing to publish (and, never closed, would be counted afresh each time).
  const today = serviceDay(stats.clock(), config.timeZone).iso;
  const months = monthsOf(range).flatMap((m) => (m.from > today ? [] : [{ ...m, to: m.to < today ? m.to : today }]));
  // Months before the first ticket or rating hold nothing: not read day by day.
  const first = (stats.db.prepare(`SELECT MIN(day) AS day FROM (SELECT MIN(day) AS day FROM tickets UNION ALL SELECT MIN(day) FROM ratings)`).get() as { day: string | null }).day;
  for (const month of months) {
    const aggregate = first !== null && month.to >= first ? await stats.aggregate({ from: month.from < first ? first : month.from, to: month.to }) : null;
    for (const service of config.services) {
      const f = figuresOf(aggregate?.groups.service[service.id]);
      rows.push(row(month.key, service, {
        visitors: cellOf(f.issued, f.issued),
        meanWaitSeconds: cellOf(f.waitSeconds.mean, f.waitSeconds.count),
        meanServiceSeconds: cellOf(f.serviceSeconds.mean, f.serviceSeconds.count),
        withinTargetShare: cellOf(f.withinTargetShare, f.waitSeconds.count),
        satisfactionOutOf5: cellOf(f.ratings.meanOutOf5, f.ratings.count),
        ...complaintCells(complaints.get(`${month.key}|${service.id}`)),
      }));
    }
    const unplaced = complaints.get(`${month.key}|`);
    if (unplaced) {
      const none = cellOf(null, 0);
      rows.push(row(month.key, null, { visitors: none, meanWaitSeconds: none, meanServiceSeconds: none, withinTargetShare: none, satisfactionOutOf5: none, ...complaintCells(unplaced) }));
    }
  }
  return { office: config.name, ...range, months: months.map((m) => m.key), rows, smallCellLimit: 5 };
}

function row(month: string, service: Pick<OfficeConfig['services'][number], 'id' | 'name' | 'nameEn'> | null, cells: Record<OpenColumn, Cell>): OpenRow {
  const values = Object.fromEntries(OPEN_COLUMNS.map((c) => [c, cells[c].value])) as Record<OpenColumn, number | null>;
  return {
    month,
    serviceId: service?.id ?? null,
    service: service?.name ?? 'بدون خدمت مشخص',
    serviceEn: service ? service.nameEn : 'No particular service',
    ...values,
    suppressed: OPEN_COLUMNS.filter((c) => cells[c].suppressed),
  };
}

function complaintCells(counts: ComplaintCounts | undefined): Pick<Record<OpenColumn, Cell>, 'complaintsReceived' | 'complaintsAnswered' | 'meanAnswerSeconds'> {
  const c = counts ?? { received: 0, answered: 0, answerSecondsSum: 0 };
  return {
    complaintsReceived: cellOf(c.received, c.received),
    complaintsAnswered: cellOf(c.answered, c.answered),
    meanAnswerSeconds: cellOf(c.answered > 0 ? c.answerSecondsSum / c.answered : null, c.answered),
  };
}

/** Complaints filed in the range, by Jalali month and service ('' for none). */
function complaintsByMonth(stats: StatsDays, range: StatsRange): Map<string, ComplaintCounts> {
  const rows = stats.db
    .prepare(`SELECT jmonth, COALESCE(service_id, '') AS service, COUNT(*) AS received, COUNT(answered_at) AS answered, COALESCE(SUM(answered_at - created_at), 0) / 1000.0 AS answerSecondsSum
      FROM feedback WHERE kind = 'complaint' AND day BETWEEN ? AND ? GROUP BY jmonth, service`)
    .all(range.from, range.to) as Array<{ jmonth: string; service: string } & ComplaintCounts>;
  return new Map(rows.map((r) => [`${r.jmonth}|${r.service}`, r]));
}

/** The Jalali months the range touches, each cut to the range. */
export function monthsOf(range: StatsRange): Array<{ key: string; from: string; to: string }> {
  const months: Array<{ key: string; from: string; to: string }> = [];
  for (const { iso, jalali } of daysOf(range)) {
    const key = jalali.slice(0, 7);
    const last = months.at(-1);
    if (last?.key === key) last.to = iso;
    else months.push({ key, from: iso, to: iso });
  }
  return months;
}
