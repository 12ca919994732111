import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '@/harness/free-port';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';
import { sharedRead } from '@/lib/ice/shared-reads';
import { redisStore } from '@/lib/store/redis';
import { RETRY_MS } from '@/lib/store/redis-health';
import { captureLogs } from '../support/log-capture';

// The Redis store against a real redis-server (started, stopped, frozen and restarted by its pid): two
// stores stand for two instances of the portal.

const TIMEOUT_MS = 200;
let redis: RedisProcess;
let raw: Redis;
const stores: ReturnType<typeof redisStore>[] = [];
let logs: ReturnType<typeof captureLogs>;

const open = (url = redis.url, keyPrefix = 'test:') => {
  const store = redisStore({ url, keyPrefix, timeoutMs: TIMEOUT_MS });
  stores.push(store);
  return store;
};
const events = (name: string) => logs.lines().filter((line) => line.includes(`"event":"${name}"`));
const timed = async <T>(call: () => Promise<T>) => {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
};
/** Waits for what a test asserts, which a busy machine may take a while to bring about. */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  redis = await startRedisProcess();
  raw = new Redis(redis.url);
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  raw?.disconnect();
  if (redis?.child.exitCode === null) redis.child.kill('SIGCONT');
  await redis?.stop();
});

// Each test starts with a running Redis that answers, whatever the test before it left behind (one
// that failed half-way through an outage), so one slow step fails one test, not every test after it.
beforeEach(async () => {
  if (redis.child.exitCode !== null || redis.child.signalCode !== null) redis = await startRedisProcess(redis.port);
  else redis.child.kill('SIGCONT');
  await until('Redis answers a PING', async () => (await raw.ping().catch(() => '')) === 'PONG');
  logs = captureLogs();
});
afterEach(() => logs.restore());

it("lets two instances see each other's values, locks and budgets", async () => {
  const [a, b] = [open(), open()];
  expect(a.shared).toBe(true);
  await a.set('answer', '{"RequestId":"r1"}', { ttlMs: 5000, cache: true });
  expect(await b.get('answer')).toBe('{"RequestId":"r1"}');
  expect(await a.setIfAbsent('lock', 'a', 5000)).toBe(true);
  expect(await b.setIfAbsent('lock', 'b', 5000)).toBe(false);
  await a.delete('lock');
  expect(await b.setIfAbsent('lock', 'b', 5000)).toBe(true);
  const [budgetA, budgetB] = [a.rateLimiter('user', 3), b.rateLimiter('user', 3)];
  expect([await budgetA.take('rita'), await budgetB.take('rita'), await budgetA.take('rita')]).toEqual([0, 0, 0]);
  expect(await budgetB.take('rita')).toBeGreaterThan(0);
  expect(await budgetA.take('rita')).toBeGreaterThan(0);
  expect(await Promise.all([a.health(), b.health()])).toEqual(['redis', 'redis']);
});

it('does not take a busy event loop for a Redis that does not answer', async () => {
  const store = open();
  // A busy machine may take longer than the timeout to connect: the test starts once it has.
  await until('the store reaches Redis', async () => (await store.health()) === 'redis');
  const degradedBefore = events('store_degraded').length;
  // Redis answers 100 ms after the call, while this process is busy for five times the timeout.
  redis.child.kill('SIGSTOP');
  const answered = store.get('anything');
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r)); // the call is on the wire
  spawn('sh', ['-c', `sleep 0.1; kill -CONT ${redis.child.pid}`], { stdio: 'ignore' });
  const busyUntil = Date.now() + 5 * TIMEOUT_MS;
  while (Date.now() < busyUntil);
  expect(await answered).toBeUndefined();
  expect(await store.health()).toBe('redis');
  expect(events('store_degraded')).toHaveLength(degradedBefore);
});

it('keeps every key under its prefix, with its TTL', async () => {
  const store = open(redis.url, 'portal-a:');
  await store.set('session-revoked:s1', '1', { ttlMs: 60_000 });
  const ttl = await raw.pttl('portal-a:session-revoked:s1');
  expect(ttl).toBeGreaterThan(59_000);
  expect(ttl).toBeLessThanOrEqual(60_000);
  expect(await raw.exists('session-revoked:s1')).toBe(0);
  expect(await open(redis.url, 'portal-b:').get('session-revoked:s1')).toBeUndefined();
});

it('answers from memory within the timeout when Redis is not there at start, and says degraded', async () => {
  const store = open(`redis://127.0.0.1:${await freePort()}`);
  const first = await timed(() => store.get('anything'));
  expect(first.value).toBeUndefined();
  expect(first.ms).toBeLessThan(TIMEOUT_MS + 150);
  expect((await timed(() => store.rateLimiter('user', 5).take('u'))).ms).toBeLessThan(TIMEOUT_MS / 2);
  expect(await store.health()).toBe('degraded');
});

it('keeps serving from memory while Redis is stopped, warns once, and catches up when it returns', async () => {
  const [a, b] = [open(), open()];
  await a.set('before', 'x', { ttlMs: 60_000 });
  await redis.stop();
  try {
    await until('instance A says degraded', async () => (await a.health()) === 'degraded');

    for (let i = 0; i < 30; i++) {
      const { ms } = await timed(() => Promise.all([a.get('before'), a.rateLimiter('user', 100).take('u'), a.setIfAbsent(`lock-${i}`, '1', 1000)]));
      expect(ms).toBeLessThan(TIMEOUT_MS + 100);
    }
    expect(await a.get('before')).toBe('x'); // this instance's own write, from its memory
    await a.set('session-revoked:during-outage', '1', { ttlMs: 60_000 });
    // One warning per instance, not one per call: B, which made no call, notices when its connection drops.
    await until('both instances warned store_degraded', () => events('store_degraded').length >= 2);
    expect(events('store_degraded')).toHaveLength(2);
    expect(events('store_degraded')[0]).toContain('"level":"warn"');
  } finally {
    redis = await startRedisProcess(redis.port);
  }
  await until('both instances use Redis again', async () => (await a.health()) === 'redis' && (await b.health()) === 'redis');
  // The revocation recorded while Redis was away reaches the other instance.
  await until('the revocation made in the outage reaches B', async () => (await b.get('session-revoked:during-outage')) === '1');
  expect(events('store_recovered').length).toBeGreaterThanOrEqual(1);
});

it('bounds a call to a Redis that stops answering (SIGSTOP) by the timeout, then leaves it alone for a while', async () => {
  const store = open();
  await store.set('warm', '1', { ttlMs: 60_000 });
  redis.child.kill('SIGSTOP');
  try {
    const frozen = await timed(() => store.get('not-there'));
    expect(frozen.value).toBeUndefined();
    expect(frozen.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(frozen.ms).toBeLessThan(TIMEOUT_MS + 150);
    // Within RETRY_MS the next calls do not wait at all.
    const next = await timed(() => Promise.all([store.get('not-there'), store.rateLimiter('user', 10).take('u'), store.set('k', 'v', { ttlMs: 1000 })]));
    expect(next.ms).toBeLessThan(TIMEOUT_MS / 2);
    expect(RETRY_MS).toBeGreaterThan(next.ms);
  } finally {
    redis.child.kill('SIGCONT');
  }
  await until('the store uses Redis again', async () => (await store.health()) === 'redis');
});

describe('sharedRead across two instances on one Redis', () => {
  const parse = (body: unknown) => {
    if (typeof (body as { RequestId?: unknown }).RequestId !== 'string') throw new Error('not an answer');
    return body as { RequestId: string };
  };
  const never = new AbortController().signal;

  /**
   * A store that hears from Redis too late (200 ms here, on a machine busy with other suites) answers
   * from its own memory, as it must, and then two reads are not shared: such a run says nothing about
   * sharing, and its store says so in a store_degraded line. `run` is run again, at most three times in
   * all, and the checks it returns are made on the first run in which Redis answered throughout.
   */
  async function whileRedisAnswers(run: () => Promise<() => Promise<void> | void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const degradedBefore = events('store_degraded').length;
      const check = await run();
      if (events('store_degraded').length > degradedBefore && attempt < 3) continue;
      return check();
    }
  }

  it('makes one upstream call for identical reads in flight on both, and serves it to both', () =>
    whileRedisAnswers(async () => {
      const [a, b] = [open(), open()];
      let calls = 0;
      const upstream = async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 150));
        return { RequestId: `call-${calls}` };
      };
      // Both connected first: a store still connecting would answer from its own memory, unshared.
      expect(await Promise.all([a.health(), b.health()])).toEqual(['redis', 'redis']);
      const key = `read-${Math.random()}`;
      const [fromA, fromB] = await Promise.all([sharedRead(a, key, upstream, parse, never), sharedRead(b, key, upstream, parse, never)]);
      return () => {
        expect(calls).toBe(1);
        expect(fromA.value).toEqual(fromB.value);
        expect([fromA.fetched, fromB.fetched].filter(Boolean)).toHaveLength(1);
      };
    }));

  it('does not call when the other instance answers between its look and its lock', () =>
    whileRedisAnswers(async () => {
      const [a, real] = [open(), open()];
      expect(await Promise.all([a.health(), real.health()])).toEqual(['redis', 'redis']);
      let atLock!: () => void;
      const bAtLock = new Promise<void>((r) => (atLock = r));
      let aDone!: () => void;
      const aFinished = new Promise<void>((r) => (aDone = r));
      // Instance B has looked and found nothing; it takes its lock only once A has called, written its
      // answer and released its own lock: the window in which B used to call ICE a second time.
      const b: typeof real = {
        ...real,
        setIfAbsent: async (...args) => {
          atLock();
          await aFinished;
          return real.setIfAbsent(...args);
        },
      };
      let calls = 0;
      const upstream = async () => {
        calls += 1;
        return { RequestId: `call-${calls}` };
      };
      const key = `read-${Math.random()}`;
      const fromB = sharedRead(b, key, upstream, parse, never);
      await bAtLock;
      const fromA = await sharedRead(a, key, upstream, parse, never);
      aDone();
      const answerB = await fromB;
      return async () => {
        expect(fromA).toEqual({ value: { RequestId: 'call-1' }, fetched: { RequestId: 'call-1' } });
        expect(answerB).toEqual({ value: { RequestId: 'call-1' } });
        expect(calls).toBe(1);
        expect(await raw.exists(`test:${key}#lock`)).toBe(0);
      };
    }));

  it('does not share a failure: when the caller fails, the waiting instance calls itself', async () => {
    const [a, b] = [open(), open()];
    expect(await Promise.all([a.health(), b.health()])).toEqual(['redis', 'redis']);
    const key = `read-${Math.random()}`;
    const failing = async () => {
      await new Promise((r) => setTimeout(r, 100));
      throw new Error('ICE is down');
    };
    const first = sharedRead(a, key, failing, parse, never);
    await new Promise((r) => setTimeout(r, 20));
    const second = sharedRead(b, key, async () => ({ RequestId: 'own-call' }), parse, never);
    await expect(first).rejects.toThrow('ICE is down');
    await expect(second).resolves.toMatchObject({ value: { RequestId: 'own-call' } });
  });

  it('ignores a stored answer that does not validate, and calls', async () => {
    const store = open();
    const key = `read-${Math.random()}`;
    await raw.set(`test:${key}`, JSON.stringify({ Jobs: [] }), 'PX', 5000);
    await expect(sharedRead(store, key, async () => ({ RequestId: 'fresh' }), parse, never)).resolves.toMatchObject({ value: { RequestId: 'fresh' }, fetched: { RequestId: 'fresh' } });
    expect(events('store_entry_unreadable')).toHaveLength(1);
  });
});
