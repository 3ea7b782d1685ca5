// Central's HTTP application: health and readiness, people's sign-in, office enrolment and sync,
// and the organisation's reports, under /api/v1 with the office's error shape; the organisation's
// screens at /org.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiErrors, errorBody, handleError } from '../../http/errors.js';
import { securityHeaders } from '../../http/security-headers.js';
import { authenticateCentral } from './auth.js';
import type { CentralDeps, CentralEnv } from './env.js';
import { centralAuthRoutes } from './routes/auth.js';
import { enrolRoutes } from './routes/enrol.js';
import { orgRoutes } from './routes/org.js';
import { syncRoutes } from './routes/sync.js';
import { centralStaticRoutes } from './static.js';

const MAX_BODY_BYTES = 16 * 1024;

export function createCentralApp(deps: CentralDeps) {
  const smallBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody('body_too_large', 'حجم درخواست بیش از حد مجاز است.'), 413, { Connection: 'close' }) });
  const api = new Hono<CentralEnv>()
    .get('/health', (c) => c.json({ ok: true, role: 'central' }))
    .get('/ready', async (c) => ((await deps.ready()) ? c.json({ ok: true }) : c.json(errorBody('not_ready', 'پایگاه دادهٔ مرکز در دسترس نیست.'), 503)))
    .route('/auth', centralAuthRoutes(deps))
    .route('/enrol', enrolRoutes(deps))
    .route('/sync', syncRoutes(deps))
    .route('/org', orgRoutes(deps));
  const app = new Hono<CentralEnv>()
    .use('*', securityHeaders())
    // Batches carry their own, larger limit on their route.
    .use('/api/*', (c, next) => (c.req.path === '/api/v1/sync/batches' ? next() : smallBody(c, next)))
    .use('/api/*', authenticateCentral(deps))
    .route('/api/v1', api)
    .route('/', centralStaticRoutes());
  app.notFound((c) => {
    const e = apiErrors.notFound();
    return c.json(errorBody(e.code, e.messageFa), 404);
  });
  app.onError((error, c) => handleError(error, c, deps.log));
  return app;
}
