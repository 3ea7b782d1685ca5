// Routes anyone may read: health, the services with their lines and estimated waits, and the office's
// name and desks (posted in the hall anyway), which the desk's sign-in screen offers before a token.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';

export function publicRoutes(deps: AppDeps) {
  const { office, read, demo } = deps;
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ ok: true, office: deps.config.name, demo, seq: office.lastSeq(), time: office.now() }))
    .get('/services', (c) => c.json(read.services()))
    .get('/office', (c) => {
      const principal = c.get('principal');
      const config = deps.config;
      return c.json({
        name: config.name,
        nameEn: config.nameEn ?? null,
        timeZone: config.timeZone,
        desks: config.desks.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn ?? null, number: d.number })),
        // A desk PC paired as a device is bound to its desk: the sign-in screen offers only that one.
        boundDeskId: principal?.kind === 'device' && principal.deviceKind === 'desk' ? principal.deskId : null,
      });
    });
}
