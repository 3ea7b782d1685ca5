// /api/v1/keypads: each satisfaction keypad's health (online, last heartbeat, boot, firmware,
// dropped frames by kind, reconnect attempts) for managers. Never ratings: those are statistics.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';

export function keypadRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', requireRole('manager', 'admin'), (c) => c.json(deps.keypads.health()));
}
