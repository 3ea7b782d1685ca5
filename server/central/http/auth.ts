// Who is asking: `Authorization: Bearer nbo_…` is an office's credential, any other bearer token a
// person's session. An unknown token is no principal at all; routes decide what that means.
import { createMiddleware } from 'hono/factory';
import { officeOfCredential } from '../org/offices.js';
import { userOfSession, type OrgRole, type OrgUser } from '../org/users.js';
import { ApiError, apiErrors } from '../../http/errors.js';
import type { CentralDeps, CentralEnv } from './env.js';
import type { Context } from 'hono';

export function authenticateCentral(deps: CentralDeps) {
  return createMiddleware<CentralEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    c.set('principal', null);
    if (token) {
      const office = await officeOfCredential(deps.pool, token);
      if (office) c.set('principal', { kind: 'office', officeId: office.id, revoked: office.revoked });
      else {
        const user = await userOfSession(deps.pool, token);
        if (user) c.set('principal', { kind: 'user', user });
      }
    }
    await next();
  });
}

/** The office making the request; a revoked office is refused here, before anything is read. */
export function signedOffice(c: Context<CentralEnv>): number {
  const principal = c.get('principal');
  if (principal?.kind !== 'office') throw new ApiError(401, 'office_credential_required', 'این درخواست باید با اعتبارنامهٔ اداره امضا شده باشد.');
  if (principal.revoked) throw new ApiError(403, 'office_revoked', 'دسترسی این اداره به مرکز لغو شده است.');
  return principal.officeId;
}

export function orgUser(c: Context<CentralEnv>, roles: readonly OrgRole[]): OrgUser {
  const principal = c.get('principal');
  if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
  if (!roles.includes(principal.user.role)) throw apiErrors.forbidden();
  return principal.user;
}
