// Per-key token buckets: each key gets `perMinute` requests a minute, with bursts up to that many.
// The limiter behind an interface is asynchronous so that a shared store (Redis) can replace the
// in-process one without changing its callers.

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Keys remembered at once; the least recently seen is forgotten first (it would be full anyway). */
const MAX_BUCKETS = 10_000;

/** Synchronous buckets in this process's memory: for the limiter below and for log sampling. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number) {}

  /** 0 when one more may go ahead (and is counted); otherwise the seconds to wait. */
  take(key: string, nowMs = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedMs: nowMs };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((nowMs - bucket.updatedMs) * this.perMinute) / 60_000);
    bucket.updatedMs = nowMs;
    this.buckets.delete(key); // re-insert: Map order then says who was seen least recently
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute);
  }
}

export interface RateLimiter {
  /** 0 when the request may go ahead; otherwise the seconds to wait (for Retry-After). */
  take(key: string): Promise<number>;
}

export function memoryRateLimiter(perMinute: number): RateLimiter {
  const buckets = new TokenBuckets(perMinute);
  return { take: async (key) => buckets.take(key) };
}

// proxy.ts (pages) and the route handlers (API) are separate bundles with their own module copies;
// the per-user budget they share lives on globalThis, one per process.
const SHARED = Symbol.for('ice-portal.rate-limiter');

/** The process's limiter for user requests, pages and API alike. */
export function userRateLimiter(perMinute: number): RateLimiter {
  const holder = globalThis as { [SHARED]?: { perMinute: number; limiter: RateLimiter } };
  if (holder[SHARED]?.perMinute !== perMinute) holder[SHARED] = { perMinute, limiter: memoryRateLimiter(perMinute) };
  return holder[SHARED].limiter;
}
