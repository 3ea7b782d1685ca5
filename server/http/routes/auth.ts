// /api/v1/auth: staff sign in (to one desk, which opens it) and out, out everywhere, and change their
// password; repeated wrong passwords lock sign-in for a while. Devices exchange a pairing code.
import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { actorId, type Principal } from '../../auth/principal.js';
import { closeIdleDesks } from '../../office/close-idle-desks.js';
import { faDigits } from '../../time/digits.js';
import { digest } from '../../auth/secrets.js';
import { SESSION_HOURS } from '../../auth/accounts.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { clientAddress, SESSION_COOKIE } from '../auth.js';
import { validate } from '../validate.js';
import { loginBody, pairBody, passwordBody } from '../schemas.js';

export function authRoutes(deps: AppDeps) {
  const { accounts, office } = deps;

  const closeIdleDesksOf = (deskIds: string[], by: Extract<Principal, { kind: 'user' }>) =>
    closeIdleDesks(office, deskIds, { id: actorId(by), staffId: by.userId });
  return new Hono<AppEnv>()
    .post('/login', validate('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const device = c.get('principal');
      const boundDeskId = device?.kind === 'device' && device.deviceKind === 'desk' ? device.deskId : null;
      if (boundDeskId && c.req.valid('json').deskId && c.req.valid('json').deskId !== boundDeskId) {
        throw new ApiError(403, 'desk_bound', 'این رایانه به باجهٔ دیگری متصل است و فقط در همان باجه می‌توان وارد شد.');
      }
      const deskId = boundDeskId ?? c.req.valid('json').deskId;
      const signedIn = await accounts.signIn(username, password, clientAddress(c));
      if (!signedIn.ok) throw signedIn.lockedForMs > 0 ? lockedOut(c, signedIn.lockedForMs) : apiErrors.badLogin();
      const { user } = signedIn;
      if (user.role === 'staff' && !deskId) throw new ApiError(400, 'desk_required', 'باجه‌ای را که در آن کار می‌کنید انتخاب کنید.');
      if (deskId && !deps.config.desks.some((d) => d.id === deskId)) throw new ApiError(404, 'unknown_desk', 'این باجه وجود ندارد.');
      const holder = deskId ? accounts.deskHolder(deskId, user.id) : null;
      if (holder && !c.req.valid('json').takeOver) throw deskTaken(holder.name);
      const session = accounts.openSession(user.id, deskId ?? null);
      if (deskId) {
        await office.execute({ type: 'openDesk', deskId, staffId: user.id }, { id: `user:${user.id}`, staffId: user.id });
        accounts.closeDeskSessions(deskId, digest(session.token));
      }
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600 });
      return c.json({ token: session.token, expiresAt: session.expiresAt, user: { id: user.id, name: user.name, role: user.role }, ...(deskId ? { deskId } : {}) });
    })
    .post('/logout', async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
      if (principal.deskId) await office.execute({ type: 'closeDesk', deskId: principal.deskId }, { id: actorId(principal), staffId: principal.userId });
      accounts.closeSession(principal.tokenDigest);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .post('/logout-all', async (c) => {
      const principal = signedInUser(c);
      const { ended, deskIds } = accounts.closeUserSessions(principal.userId, null);
      await closeIdleDesksOf(deskIds, principal);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true, sessionsEnded: ended });
    })
    .post('/password', validate('json', passwordBody), async (c) => {
      const principal = signedInUser(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const confirmed = await accounts.confirmPassword(principal.userId, principal.username, currentPassword, clientAddress(c));
      if (!confirmed.ok) {
        if (confirmed.lockedForMs > 0) throw lockedOut(c, confirmed.lockedForMs);
        throw new ApiError(403, 'wrong_password', 'گذرواژهٔ کنونی درست نیست.');
      }
      if (newPassword === currentPassword) throw new ApiError(400, 'same_password', 'گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق داشته باشد.');
      await accounts.setPassword(principal.userId, newPassword);
      await closeIdleDesksOf(accounts.closeUserSessions(principal.userId, principal.tokenDigest).deskIds, principal);
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
      const answer = accounts.pairFrom(c.req.valid('json').code, clientAddress(c));
      if (answer.ok) return c.json(answer.paired);
      if (answer.lockedForMs > 0) throw lockedOut(c, answer.lockedForMs, 'pairing_locked', 'به دلیل چند کد جفت‌سازی نادرست پیاپی، جفت‌سازی');
      throw new ApiError(400, 'bad_pairing_code', 'کد جفت‌سازی نادرست است یا منقضی شده است.');
    });
}

function signedInUser(c: Context<AppEnv>): Extract<Principal, { kind: 'user' }> {
  const principal = c.get('principal');
  if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
  return principal;
}

/** 409: the desk is in use by another clerk; the sign-in screen offers to take it over. */
function deskTaken(holderName: string): ApiError {
  return new ApiError(409, 'desk_taken', `این باجه اکنون در دست ${holderName} است. اگر او دیگر پشت این باجه نیست، می‌توانید باجه را تحویل بگیرید؛ نشست او پایان می‌یابد.`, { holder: holderName });
}

/** 429 with the wait in Persian words and in Retry-After; `what` says, in Persian, why and what is closed. */
function lockedOut(c: Context<AppEnv>, waitMs: number, code = 'login_locked', what = 'به دلیل چند بار گذرواژهٔ نادرست پیاپی، ورود'): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  c.header('Retry-After', String(seconds));
  const wait = seconds < 60 ? `${faDigits(seconds)} ثانیه` : `${faDigits(Math.ceil(seconds / 60))} دقیقه`;
  return new ApiError(429, code, `${what} تا ${wait} دیگر بسته است. پس از آن دوباره تلاش کنید.`, { retryAfterSeconds: seconds });
}
