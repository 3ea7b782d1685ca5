// /api/v1/auth: the organisation's people sign in for a session token.
import { Hono } from 'hono';
import { z } from 'zod';
import { apiErrors } from '../../../http/errors.js';
import { validate } from '../../../http/validate.js';
import { signIn, SESSION_HOURS } from '../../org/users.js';
import type { CentralDeps, CentralEnv } from '../env.js';

export function centralAuthRoutes(deps: CentralDeps) {
  return new Hono<CentralEnv>().post('/login', validate('json', z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })), async (c) => {
    const { username, password } = c.req.valid('json');
    const signedIn = await signIn(deps.pool, username, password);
    if (!signedIn) throw apiErrors.badLogin();
    return c.json({ token: signedIn.token, expiresInHours: SESSION_HOURS, user: { id: signedIn.user.id, name: signedIn.user.name, role: signedIn.user.role, province: signedIn.user.province } });
  });
}
