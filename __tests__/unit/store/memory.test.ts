import { memoryStore } from '@/lib/store/memory';

beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') }));
afterEach(() => jest.useRealTimers());

describe('memoryStore', () => {
  it('answers a value until its TTL, and never after, swept or not', async () => {
    const store = memoryStore();
    await store.set('job', '{"a":1}', { ttlMs: 1000, cache: true });
    await store.set('revoked', '1', { ttlMs: 2000 });
    jest.advanceTimersByTime(999);
    expect(await store.get('job')).toBe('{"a":1}');
    jest.advanceTimersByTime(1);
    expect(await store.get('job')).toBeUndefined();
    expect(await store.get('revoked')).toBe('1');
    jest.advanceTimersByTime(1000);
    expect(await store.get('revoked')).toBeUndefined();
  });

  it('keeps nothing for a TTL that is already over, and forgets what the key held', async () => {
    const store = memoryStore();
    await store.set('k', 'v', { ttlMs: 1000 });
    await store.set('k', 'w', { ttlMs: 0 });
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'v', { ttlMs: -5 });
    expect(await store.get('k')).toBeUndefined();
  });

  it('bounds cached values by their size, dropping the least recently read first', async () => {
    const store = memoryStore({ maxCacheChars: 30 });
    await store.set('a', 'a'.repeat(10), { ttlMs: 60_000, cache: true });
    await store.set('b', 'b'.repeat(10), { ttlMs: 60_000, cache: true });
    await store.set('c', 'c'.repeat(10), { ttlMs: 60_000, cache: true });
    expect(await store.get('a')).toBe('a'.repeat(10)); // now b is the least recently read
    await store.set('d', 'd'.repeat(10), { ttlMs: 60_000, cache: true });
    expect(await store.get('b')).toBeUndefined();
    expect(await Promise.all(['a', 'c', 'd'].map((k) => store.get(k)))).toEqual(['a', 'c', 'd'].map((k) => k.repeat(10)));
  });

  it('never lets cached values push out kept ones (revocations, locks)', async () => {
    const store = memoryStore({ maxCacheChars: 100 });
    await store.set('session-revoked:s1', '1', { ttlMs: 60_000 });
    expect(await store.setIfAbsent('lock', 'me', 60_000)).toBe(true);
    for (let i = 0; i < 50; i++) await store.set(`job-${i}`, 'x'.repeat(40), { ttlMs: 60_000, cache: true });
    expect(await store.get('session-revoked:s1')).toBe('1');
    expect(await store.get('lock')).toBe('me');
    expect(await store.get('job-49')).toBe('x'.repeat(40));
    expect(await store.get('job-0')).toBeUndefined();
  });

  it('does not keep a value larger than the whole cache, which would only empty it', async () => {
    const store = memoryStore({ maxCacheChars: 30 });
    await store.set('small', 's', { ttlMs: 60_000, cache: true });
    await store.set('huge', 'h'.repeat(31), { ttlMs: 60_000, cache: true });
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('small')).toBe('s');
  });

  it('sets if absent: one holder at a time, free again after delete or TTL', async () => {
    const store = memoryStore();
    expect(await store.setIfAbsent('lock', 'a', 1000)).toBe(true);
    expect(await store.setIfAbsent('lock', 'b', 1000)).toBe(false);
    await store.delete('lock');
    expect(await store.setIfAbsent('lock', 'c', 1000)).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(await store.setIfAbsent('lock', 'd', 1000)).toBe(true);
    expect(await store.get('lock')).toBe('d');
  });

  it('gives each key perMinute takes a window, then the seconds left in it', async () => {
    const store = memoryStore();
    const limiter = store.rateLimiter('user', 3);
    expect(store.rateLimiter('user', 3)).toBe(limiter);
    expect(await Promise.all([limiter.take('alice'), limiter.take('alice'), limiter.take('alice')])).toEqual([0, 0, 0]);
    jest.advanceTimersByTime(15_000);
    expect(await limiter.take('alice')).toBe(45);
    expect(await limiter.take('bob')).toBe(0);
    jest.advanceTimersByTime(45_000);
    expect(await limiter.take('alice')).toBe(0);
  });

  it('says it is memory, seen by this process only', async () => {
    const store = memoryStore();
    expect(store.shared).toBe(false);
    expect(await store.health()).toBe('memory');
  });
});
