// Token buckets keyed by who is asking (a device, a session, a socket, an address): each key may spend
// `capacity` at once and earns `refillPerSecond` back. Pure: the time comes in on every call.
export interface BucketLimits {
  capacity: number;
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly limits: BucketLimits) {}

  /** Spends one token of `key` at `now` (ms); answers 0, or how many ms until a token is there. */
  take(key: string, now: number): number {
    const { capacity, refillPerSecond } = this.limits;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return 0;
  }

  /** Stops tracking `key` (a closed socket). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Buckets that have refilled are the same as absent ones; dropping them bounds the memory. */
  private forgetFull(now: number): void {
    const { capacity, refillPerSecond } = this.limits;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
    }
  }
}
