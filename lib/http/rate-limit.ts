// Per-user token buckets for the API, in this process's memory: each user gets `perMinute` requests
// a minute with bursts up to that many. Behind several instances the limit applies per instance.

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number) {}

  /** 0 when the request may go ahead; otherwise the seconds to wait (for Retry-After). */
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
