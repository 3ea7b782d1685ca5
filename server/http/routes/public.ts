// Routes anyone may read: health and the services with their lines and estimated waits.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';

export function publicRoutes(deps: AppDeps) {
  const { office, read, config, demo } = deps;
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ ok: true, office: config.name, demo, seq: office.lastSeq(), time: office.now() }))
    .get('/services', (c) => c.json(read.services()));
}
