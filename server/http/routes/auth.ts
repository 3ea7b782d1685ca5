// /api/v1/auth: staff sign in (to one desk, which opens it) and out; devices exchange a pairing code.
import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { actorId } from '../../auth/principal.js';
import { digest } from '../../auth/secrets.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { SESSION_COOKIE } from '../auth.js';
import { validate } from '../validate.js';
import { loginBody, pairBody } from '../schemas.js';

export function authRoutes(deps: AppDeps) {
  const { accounts, office, config } = deps;
  return new Hono<AppEnv>()
    .post('/login', validate('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const device = c.get('principal');
      const boundDeskId = device?.kind === 'device' && device.deviceKind === 'desk' ? device.deskId : null;
      if (boundDeskId && c.req.valid('json').deskId && c.req.valid('json').deskId !== boundDeskId) {
        throw new ApiError(403, 'desk_bound', 'این رایانه به باجهٔ دیگری متصل است و فقط در همان باجه می‌توان وارد شد.');
      }
      const deskId = boundDeskId ?? c.req.valid('json').deskId;
      const user = await accounts.checkPassword(username, password);
      if (!user) throw apiErrors.badLogin();
      if (user.role === 'staff' && !deskId) throw new ApiError(400, 'desk_required', 'باجه‌ای را که در آن کار می‌کنید انتخاب کنید.');
      if (deskId && !config.desks.some((d) => d.id === deskId)) throw new ApiError(404, 'unknown_desk', 'این باجه وجود ندارد.');
      const session = accounts.openSession(user.id, deskId ?? null);
      if (deskId) {
        office.execute({ type: 'openDesk', deskId, staffId: user.id }, { id: `user:${user.id}`, staffId: user.id });
        accounts.closeDeskSessions(deskId, digest(session.token));
      }
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', expires: new Date(session.expiresAt) });
      return c.json({ token: session.token, expiresAt: session.expiresAt, user: { id: user.id, name: user.name, role: user.role }, ...(deskId ? { deskId } : {}) });
    })
    .post('/logout', (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
      if (principal.deskId) office.execute({ type: 'closeDesk', deskId: principal.deskId }, { id: actorId(principal), staffId: principal.userId });
      accounts.closeSession(principal.tokenDigest);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/me', (c) => {
      const principal = c.get('principal');
      if (!principal) throw apiErrors.unauthenticated();
      if (principal.kind === 'user') return c.json({ kind: 'user', user: { id: principal.userId, name: principal.name, role: principal.role }, deskId: principal.deskId });
      if (principal.kind === 'device') return c.json({ kind: 'device', deviceKind: principal.deviceKind, deskId: principal.deskId });
      return c.json({ kind: 'demo-device' });
    })
    .post('/pair', validate('json', pairBody), (c) => {
      const paired = accounts.pair(c.req.valid('json').code);
      if (!paired) throw new ApiError(400, 'bad_pairing_code', 'کد جفت‌سازی نادرست است یا منقضی شده است.');
      return c.json(paired);
    });
}
