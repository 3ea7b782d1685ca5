// /api/v1/stats: figures for managers and admins, computed in SQL over the tickets and ratings
// tables. Shapes: server/stats/types.ts.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { statsPeriodQuery, statsReportQuery, summaryQuery } from '../schemas.js';
import { serviceSummary } from '../../stats/summary.js';
import { indicatorsReport, statsReport } from '../../stats/report.js';

export function statsRoutes(deps: AppDeps) {
  const { db, config } = deps;
  return new Hono<AppEnv>()
    .use('*', requireRole('manager', 'admin'))
    .get('/summary', validate('query', summaryQuery), (c) => {
      const { from, to } = c.req.valid('query');
      return c.json({ from, to, services: serviceSummary(db, config, from, to) });
    })
    .get('/report', validate('query', statsReportQuery), (c) => {
      const { range, by } = c.req.valid('query');
      return c.json(statsReport(db, config, range, by));
    })
    .get('/indicators', validate('query', statsPeriodQuery), (c) => c.json(indicatorsReport(db, config, c.req.valid('query').range)));
}
