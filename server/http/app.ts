// The HTTP application: middleware, the /api/v1 routes of ../shared/api.md, and one error mapping.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from './auth.js';
import { csrfGuard } from './csrf.js';
import { apiErrors, errorBody, handleError } from './errors.js';
import type { AppDeps, AppEnv } from './env.js';
import { adminAccountRoutes } from './routes/admin-accounts.js';
import { adminConfigRoutes } from './routes/admin-config.js';
import { adminLogoRoutes, LOGO_UPLOAD_PATH } from './routes/admin-logo.js';
import { alertRoutes } from './routes/alerts.js';
import { appointmentRoutes } from './routes/appointments.js';
import { authRoutes } from './routes/auth.js';
import { deskRoutes } from './routes/desks.js';
import { feedbackRoutes } from './routes/feedback.js';
import { homeRoutes } from './routes/home.js';
import { keypadRoutes } from './routes/keypads.js';
import { meetingRoutes } from './routes/meetings.js';
import { openPageRoutes, openRoutes } from './routes/open.js';
import { publicRoutes } from './routes/public.js';
import { reportPageRoutes } from './routes/report-page.js';
import { statsRoutes } from './routes/stats.js';
import { ticketRoutes } from './routes/tickets.js';
import { HTTP_RATE, rateLimit } from './rate-limit.js';
import { messageStatusRoutes, ticketMessageRoutes } from './routes/messages.js';
import { securityHeaders } from './security-headers.js';
import { staticRoutes } from './static.js';

export const MAX_BODY_BYTES = 16 * 1024;

export function createApp(deps: AppDeps) {
  const { stats } = deps;
  const api = new Hono<AppEnv>()
    .route('/', publicRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/tickets', ticketRoutes(deps))
    .route('/tickets', ticketMessageRoutes(deps))
    .route('/desks', deskRoutes(deps))
    .route('/stats', statsRoutes(deps, stats))
    .route('/keypads', keypadRoutes(deps))
    .route('/alerts', alertRoutes(deps))
    .route('/feedback', feedbackRoutes(deps))
    .route('/meetings', meetingRoutes(deps))
    .route('/appointments', appointmentRoutes(deps))
    .route('/open', openRoutes(deps, stats))
    .route('/admin', adminConfigRoutes(deps))
    .route('/admin', adminLogoRoutes(deps))
    .route('/admin', adminAccountRoutes(deps))
    .route('/admin', messageStatusRoutes(deps));

  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body is never read, so the connection is closed after the answer: kept
    // alive, it would be cut half a second later under the next request sent on it.
    onError: (c) => c.json(errorBody('body_too_large', 'حجم درخواست بیش از حد مجاز است.'), 413, { Connection: 'close' }),
  });
  const app = new Hono<AppEnv>()
    .use('*', securityHeaders())
    // The logo upload sends an image, with its own limit on its route.
    .use('/api/*', (c, next) => (LOGO_UPLOAD_PATH.test(c.req.path) ? next() : jsonBodyLimit(c, next)))
    .use('/api/*', authenticate(deps))
    .use('/api/*', csrfGuard())
    .use('/api/*', rateLimit(deps.httpRate ?? HTTP_RATE, () => performance.now()))
    .route('/api/v1', api)
    .route('/manager', reportPageRoutes(deps, stats))
    .route('/open', openPageRoutes(deps, stats))
    .route('/', homeRoutes(deps))
    .route('/', staticRoutes({ config: () => deps.config, publicUrl: deps.publicUrl }));

  app.notFound((c) => {
    const e = apiErrors.notFound();
    return c.json(errorBody(e.code, e.messageFa), 404);
  });
  app.onError((error, c) => handleError(error, c, deps.log));
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
