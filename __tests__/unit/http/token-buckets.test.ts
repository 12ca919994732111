import { TokenBuckets } from '@/lib/http/token-buckets';

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
