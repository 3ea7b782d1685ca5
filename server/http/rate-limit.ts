// Request rate per device, per staff session, or (for visitors without a token) per client address —
// never per a header a client could forge. The demo office's own kiosk and display on the server's
// machine are not limited: they are the machine itself. Over the limit: 429 with a Persian message.
import type { MiddlewareHandler } from 'hono';
import { faDigits } from '../time/digits.js';
import { TokenBuckets, type BucketLimits } from '../limits/token-bucket.js';
import { clientAddress } from './auth.js';
import { errorBody } from './errors.js';
import type { AppEnv } from './env.js';

/** A person at a desk or a kiosk makes a few requests a second at most; bursts after a reconnect stay within. */
export const HTTP_RATE: BucketLimits = { capacity: 120, refillPerSecond: 20 };

export function rateLimit(limits: BucketLimits, now: () => number): MiddlewareHandler<AppEnv> {
  const buckets = new TokenBuckets(limits);
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal?.kind === 'demo-device') return next();
    const key = principal?.kind === 'device' ? `device:${principal.deviceId}` : principal?.kind === 'user' ? `session:${principal.tokenDigest}` : `address:${clientAddress(c) ?? 'unknown'}`;
    const waitMs = buckets.take(key, now());
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return c.json(errorBody('rate_limited', `درخواست‌ها بیش از حد پشت سر هم فرستاده شده‌اند. لطفاً ${faDigits(seconds)} ثانیه صبر کنید و دوباره تلاش کنید.`), 429, { 'Retry-After': String(seconds) });
    }
    return next();
  };
}
