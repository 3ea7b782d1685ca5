// A retried POST carries the Idempotency-Key of its first attempt, so a request whose answer the
// network lost is applied once. The key is scoped to what it files and to who sent it: one
// sender's key never answers with another's filing.
import type { Context } from 'hono';
import { actorId } from '../auth/principal.js';
import { ApiError } from './errors.js';
import type { AppEnv } from './env.js';
import { requestKey } from './schemas.js';

/** `<scope>:<sender>:<key>`, or undefined when the request has no Idempotency-Key; 400 for a malformed one. */
export function idempotencyKey(c: Context<AppEnv>, scope: string): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!requestKey.safeParse(key).success) throw new ApiError(400, 'invalid_request', 'کلید تکرار درخواست (Idempotency-Key) نادرست است.');
  return `${scope}:${actorId(c.get('principal'))}:${key}`;
}
