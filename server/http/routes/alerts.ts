// /api/v1/alerts: managers and admins read the alerts and acknowledge one with a comment.
import { Hono } from 'hono';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { ackBody, alertIdParam } from '../schemas.js';

export function alertRoutes(deps: AppDeps) {
  const { alerts } = deps;
  return new Hono<AppEnv>()
    .get('/', requireRole('manager', 'admin'), (c) => {
      alerts.check();
      return c.json({ alerts: alerts.list() });
    })
    .post('/:id/ack', requireRole('manager', 'admin'), validate('param', alertIdParam), validate('json', ackBody), (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
      const outcome = alerts.acknowledge(c.req.valid('param').id, principal.userId, c.req.valid('json').comment);
      if (outcome.ok) return c.json({ alert: outcome.alert });
      if (outcome.reason === 'unknown') throw new ApiError(404, 'unknown_alert', 'این هشدار پیدا نشد.');
      throw new ApiError(409, 'already_acknowledged', 'این هشدار پیش‌تر تأیید شده است.');
    });
}
