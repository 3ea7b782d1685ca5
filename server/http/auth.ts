// Resolves the bearer token (or the browser's session cookie) to a principal, and guards that
// routes use to say who may call them. Loopback callers count as the demo kiosk/display only in the
// demo office.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLoopbackAddress } from '../auth/loopback.js';
import { isDevice, hasRole, type DeviceKind, type Principal, type Role } from '../auth/principal.js';
import { apiErrors } from './errors.js';
import type { AppDeps, AppEnv } from './env.js';

export const SESSION_COOKIE = 'nobat_session';

export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = bearer === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
    const token = bearer ?? cookie;
    c.set('credential', bearer !== undefined ? 'bearer' : cookie !== undefined ? 'cookie' : null);
    let principal: Principal | null = token ? deps.accounts.resolve(token) : null;
    if (!principal && !token && deps.demo && isLoopback(c)) principal = { kind: 'demo-device' };
    c.set('principal', principal);
    await next();
  };
}

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal || principal.kind === 'demo-device') throw apiErrors.unauthenticated();
    if (!hasRole(principal, ...roles)) throw apiErrors.forbidden();
    await next();
  };
}

export function requireDevice(kind: DeviceKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw apiErrors.unauthenticated();
    if (!isDevice(principal, kind)) throw apiErrors.forbidden();
    await next();
  };
}

/** The signed-in staff member, who must be at `deskId` when one is given. */
export function staffAt(c: Context<AppEnv>, deskId?: string): Extract<Principal, { kind: 'user' }> {
  const principal = c.get('principal');
  if (!principal || principal.kind !== 'user') throw apiErrors.unauthenticated();
  if (principal.role !== 'staff' && principal.role !== 'admin' && principal.role !== 'manager') throw apiErrors.forbidden();
  if (!principal.deskId) throw apiErrors.wrongDesk();
  if (deskId !== undefined && principal.deskId !== deskId) throw apiErrors.wrongDesk();
  return principal;
}

/** The address of the connection (never a header, which a client could forge); undefined without a socket. */
export function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

function isLoopback(c: Context): boolean {
  return isLoopbackAddress(clientAddress(c));
}
