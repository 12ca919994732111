import { memoryRateLimiter, TokenBuckets, userRateLimiter } from '@/lib/http/rate-limit';

describe('TokenBuckets', () => {
  it('allows the burst, then asks to wait, then refills with time', () => {
    const buckets = new TokenBuckets(3);
    const t = 1_000_000;
    expect([buckets.take('u', t), buckets.take('u', t), buckets.take('u', t)]).toEqual([0, 0, 0]);
    expect(buckets.take('u', t)).toBe(20); // one token comes back every 20 s at 3 a minute
    expect(buckets.take('other', t)).toBe(0);
    expect(buckets.take('u', t + 20_000)).toBe(0);
    expect(buckets.take('u', t + 20_000)).toBeGreaterThan(0);
  });
});

describe('memoryRateLimiter', () => {
  it('answers asynchronously, as a shared store will', async () => {
    const limiter = memoryRateLimiter(1);
    await expect(limiter.take('u')).resolves.toBe(0);
    await expect(limiter.take('u')).resolves.toBeGreaterThan(0);
  });
});

describe('userRateLimiter', () => {
  it('hands out one budget per process, kept on globalThis', async () => {
    const first = userRateLimiter(2);
    expect(userRateLimiter(2)).toBe(first);
    const key = `user-${Math.random()}`;
    await first.take(key);
    await userRateLimiter(2).take(key);
    await expect(userRateLimiter(2).take(key)).resolves.toBeGreaterThan(0);
  });
});
