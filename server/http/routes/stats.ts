// /api/v1/stats: figures for managers and admins, computed in SQL over the tickets and ratings
// tables, as JSON (shapes: server/stats/types.ts), Excel workbooks and a CSV of the tickets.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { statsPeriodQuery, statsReportQuery, summaryQuery } from '../schemas.js';
import { ticketsCsv } from '../../stats/csv.js';
import { serviceSummary } from '../../stats/summary.js';
import type { StatsDays } from '../../stats/days.js';
import { indicatorsReport, statsReport, statsReports, statsReportsByGrouping } from '../../stats/report.js';
import type { StatsRange } from '../../stats/range.js';
import { GROUPINGS } from '../../stats/types.js';
import { indicatorsWorkbook, statisticsWorkbook } from '../../stats/xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsRoutes(deps: AppDeps, stats: StatsDays) {
  return new Hono<AppEnv>()
    .use('*', requireRole('manager', 'admin'))
    .get('/summary', validate('query', summaryQuery), async (c) => {
      const { from, to, range } = c.req.valid('query');
      return c.json({ from, to, services: await serviceSummary(stats, range) });
    })
    .get('/report', validate('query', statsReportQuery), async (c) => {
      const { range, by } = c.req.valid('query');
      return c.json(await statsReport(stats, range, by));
    })
    .get('/reports', validate('query', statsPeriodQuery), async (c) => c.json(await statsReportsByGrouping(stats, c.req.valid('query').range)))
    .get('/indicators', validate('query', statsPeriodQuery), async (c) => c.json(await indicatorsReport(stats, c.req.valid('query').range)))
    .get('/report.xlsx', validate('query', statsPeriodQuery), async (c) => {
      const { range } = c.req.valid('query');
      const workbook = await statisticsWorkbook(deps.config.name, await statsReports(stats, range, GROUPINGS));
      return c.body(new Uint8Array(workbook), 200, download(XLSX, `nobat-statistics-${fileDates(range)}.xlsx`));
    })
    .get('/indicators.xlsx', validate('query', statsPeriodQuery), async (c) => {
      const workbook = await indicatorsWorkbook(await indicatorsReport(stats, c.req.valid('query').range));
      return c.body(new Uint8Array(workbook), 200, download(XLSX, `nobat-indicators-${fileDates(c.req.valid('query').range)}.xlsx`));
    })
    .get('/tickets.csv', validate('query', statsPeriodQuery), (c) => {
      const chunks = ticketsCsv(deps.db, deps.config, c.req.valid('query').range);
      const encoder = new TextEncoder();
      // A day per pull: a year of tickets streams out without being held in memory.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return c.body(body, 200, download('text/csv; charset=utf-8', `nobat-tickets-${fileDates(c.req.valid('query').range)}.csv`));
    });
}

function download(type: string, filename: string): Record<string, string> {
  return { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' };
}

/** The period in a file name, by the Jalali calendar: 1404-08-01_1404-08-30. */
function fileDates(range: StatsRange): string {
  return range.fromJalali === range.toJalali ? range.fromJalali : `${range.fromJalali}_${range.toJalali}`;
}
