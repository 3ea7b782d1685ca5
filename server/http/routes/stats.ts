// /api/v1/stats: figures for managers, computed in SQL over the tickets projection.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { summaryQuery } from '../schemas.js';
import { serviceSummary } from '../../stats/summary.js';

export function statsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/summary', requireRole('manager', 'admin'), validate('query', summaryQuery), (c) => {
    const { from, to } = c.req.valid('query');
    return c.json({ from, to, services: serviceSummary(deps.db, deps.config, from, to) });
  });
}
