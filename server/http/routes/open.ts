// Open statistics for citizens (indicator 19): anyone may read them, with no sign-in. The JSON and
// CSV under /api/v1/open and the printable page /open. Computing a period reads a row per day, so
// requests are limited per address and a period's answer is kept until the event log moves on.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { StatsDays } from '../../stats/days.js';
import { jalaliMonthRange } from '../../time/calendar.js';
import { serviceDay } from '../../time/day.js';
import { faDigits } from '../../time/digits.js';
import { formatClock, formatJalaliDate } from '../../time/persian.js';
import { statsRange, type StatsRange } from '../../stats/range.js';
import { messagePage } from '../../stats/report-page.js';
import { openCsv, openPage } from '../../voice/open-page.js';
import { monthsOf, openSummary, type OpenSummary } from '../../voice/open-summary.js';
import { ApiError } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { validate } from '../validate.js';
import { voiceRateLimit } from './voice-rate.js';

/** The most months one request may publish, and how many a request without a period gets. */
export const OPEN_MAX_MONTHS = 24;
const DEFAULT_MONTHS = 12;
/** Per address: a person reading and printing the page, a script fetching the JSON now and then. */
const OPEN_RATE = { capacity: 20, refillPerSecond: 1 / 3 };
const CACHED_PERIODS = 16;

const openQuery = z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional() });

export function openRoutes(deps: AppDeps, stats: StatsDays) {
  const summaries = summaryCache(deps, stats);
  return new Hono<AppEnv>()
    .use('*', voiceRateLimit(OPEN_RATE, () => performance.now()))
    .get('/summary', validate('query', openQuery), async (c) => c.json(await summaries(periodOf(deps, c.req.valid('query'))), 200, { 'Cache-Control': 'no-cache' }))
    .get('/summary.csv', validate('query', openQuery), async (c) => {
      const summary = await summaries(periodOf(deps, c.req.valid('query')));
      return c.body(openCsv(summary), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="nobat-open-${summary.fromJalali}_${summary.toJalali}.csv"`,
        'Cache-Control': 'no-cache',
      });
    });
}

export function openPageRoutes(deps: AppDeps, stats: StatsDays) {
  const summaries = summaryCache(deps, stats);
  return new Hono<AppEnv>().get('/', voiceRateLimit(OPEN_RATE, () => performance.now()), async (c: Context<AppEnv>) => {
    const query = openQuery.safeParse(c.req.query());
    let range: StatsRange;
    try {
      range = periodOf(deps, query.success ? query.data : { from: 'not a period' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return c.html(messagePage('دورهٔ آمار نادرست است', error.messageFa), 400);
    }
    const now = deps.office.now();
    const printedAt = `${formatJalaliDate(now, deps.config.timeZone, 'fa')} ساعت ${formatClock(now, deps.config.timeZone, 'fa')}`;
    return c.html(openPage(await summaries(range), printedAt), 200, { 'Cache-Control': 'no-cache' });
  });
}

/** The period asked for (Jalali or Gregorian days, months or years), or the last twelve Jalali months. */
function periodOf(deps: AppDeps, query: { from?: string | undefined; to?: string | undefined }): StatsRange {
  let range: StatsRange;
  try {
    if (query.from) range = statsRange(query.from, query.to);
    else {
      const today = serviceDay(deps.office.now(), deps.config.timeZone);
      const [year, month] = today.jalali.split('-').map(Number) as [number, number];
      const first = month - (DEFAULT_MONTHS - 1);
      const start = first >= 1 ? { year, month: first } : { year: year - 1, month: first + 12 };
      range = statsRange(jalaliMonthRange(start.year, start.month).first, query.to ?? today.iso);
    }
  } catch {
    throw new ApiError(400, 'invalid_period', 'دورهٔ آمار نادرست است؛ ماه را به شکل ۱۴۰۵-۰۱ یا روز را به شکل ۱۴۰۵-۰۱-۱۵ بدهید و «از» پس از «تا» نباشد.');
  }
  if (monthsOf(range).length > OPEN_MAX_MONTHS) throw new ApiError(400, 'period_too_long', `هر بار دست‌بالا آمار ${faDigits(OPEN_MAX_MONTHS)} ماه منتشر می‌شود.`);
  return range;
}

/** A period's summary, kept until the event log moves on (at most a few periods). */
function summaryCache(deps: AppDeps, stats: StatsDays): (range: StatsRange) => Promise<OpenSummary> {
  const kept = new Map<string, { seq: number; summary: Promise<OpenSummary> }>();
  return (range) => {
    const key = `${range.from}|${range.to}`;
    const seq = deps.office.lastSeq();
    const hit = kept.get(key);
    if (hit && hit.seq === seq) return hit.summary;
    const summary = openSummary(stats, range);
    kept.delete(key);
    kept.set(key, { seq, summary });
    if (kept.size > CACHED_PERIODS) kept.delete(kept.keys().next().value!);
    summary.catch(() => kept.delete(key));
    return summary;
  };
}
