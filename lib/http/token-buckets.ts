// Per-key token buckets in this process's memory, synchronous: each key gets `perMinute` takes a
// minute, with bursts up to that many. For sampling log lines a caller can provoke at will (audit.ts);
// the users' budgets live in the store (rate-limit.ts), shared by every instance.

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Keys remembered at once; the least recently seen is forgotten first (it would be full anyway). */
const MAX_BUCKETS = 10_000;

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
