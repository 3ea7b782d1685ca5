// Rate limits of the citizens' voice's public entry points, tighter than the API's own: filing
// feedback or registering for a meeting, and reading a follow-up code. Each request spends a token
// from the device's (or session's) bucket AND from the address's, so neither a paired kiosk nor one
// machine with many tokens can file in bulk or walk the code space.
import type { MiddlewareHandler } from 'hono';
import { TokenBuckets, type BucketLimits } from '../../limits/token-bucket.js';
import { faDigits } from '../../time/digits.js';
import { clientAddress } from '../auth.js';
import { errorBody } from '../errors.js';
import type { AppEnv } from '../env.js';

export interface VoiceRates {
  /** Feedback filed and meeting registrations, per device or session and per address. */
  intake: BucketLimits;
  /** Follow-up code lookups, per device or session and per address. */
  lookup: BucketLimits;
}

/** A kiosk takes a few complaints a minute at most; a person checks a code a few times. */
export const VOICE_RATES: VoiceRates = {
  intake: { capacity: 6, refillPerSecond: 1 / 20 },
  lookup: { capacity: 10, refillPerSecond: 1 / 6 },
};

const shared = new WeakMap<object, { intake: MiddlewareHandler<AppEnv>; lookup: MiddlewareHandler<AppEnv> }>();

/** One intake and one lookup limit per app, shared by feedback and meetings: codes of either count alike. */
export function voiceLimits(app: { voiceRates?: VoiceRates | undefined }): { intake: MiddlewareHandler<AppEnv>; lookup: MiddlewareHandler<AppEnv> } {
  let limits = shared.get(app);
  if (!limits) {
    const rates = app.voiceRates ?? VOICE_RATES;
    limits = { intake: voiceRateLimit(rates.intake, () => performance.now()), lookup: voiceRateLimit(rates.lookup, () => performance.now()) };
    shared.set(app, limits);
  }
  return limits;
}

export function voiceRateLimit(limits: BucketLimits, now: () => number): MiddlewareHandler<AppEnv> {
  const buckets = new TokenBuckets(limits);
  return async (c, next) => {
    const principal = c.get('principal');
    const holder = principal?.kind === 'device' ? `device:${principal.deviceId}` : principal?.kind === 'user' ? `session:${principal.tokenDigest}` : null;
    const at = now();
    const waits = [buckets.take(`address:${clientAddress(c) ?? 'unknown'}`, at), holder ? buckets.take(holder, at) : 0];
    const waitMs = Math.max(...waits);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return c.json(errorBody('rate_limited', `درخواست‌ها بیش از حد پشت سر هم فرستاده شده‌اند. لطفاً ${faDigits(seconds)} ثانیه صبر کنید و دوباره تلاش کنید.`), 429, { 'Retry-After': String(seconds) });
    }
    return next();
  };
}
