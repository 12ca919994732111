import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { storeUnavailable } from '@/lib/errors';
import { log } from '@/lib/log/logger';
import { BUDGET_WINDOW_SECONDS, waitSeconds } from './budget';
import { memoryStore } from './memory';
import { RedisHealth } from './redis-health';
import type { OwnerRecords, RateLimiter, Store } from './store';

// The store in Redis (or Valkey, or a hosted Redis reached over TCP, TLS with rediss://), shared by
// every instance of the portal, with this process's memory beside it. Cases:
// - every call is bounded by timeoutMs; a failed or late call is answered from memory, and Redis is
//   left alone for a second (redis-health.ts);
// - while disconnected nothing is queued: a call goes to memory at once rather than wait;
// - writes go to memory too, so this process keeps what it wrote (its revocations above all) while
//   Redis is away, and reads look in memory first;
// - a kept write (not a cache entry) that Redis missed is written again when it reconnects;
// - calls made before the first connection wait for it, at most timeoutMs once, so a process that
//   just started does not take a revoked session for a live one;
// - ioredis reconnects by itself for ever (every 2 s at most): nothing to restart when Redis returns;
// - failClosed (STORE_FAIL_CLOSED): a guard (a revocation read, a rate budget) that Redis cannot
//   answer throws store_unavailable instead of being decided from memory.

export interface RedisStoreOptions {
  url: string;
  /** TLS, asked for explicitly (a rediss:// URL); ioredis alone turns it on only for lower-case rediss://. */
  tls?: boolean;
  keyPrefix: string;
  timeoutMs: number;
  /** Throw rather than answer a guard from memory while Redis does not answer. Default false. */
  failClosed?: boolean;
}

/** Sets a hash field unless that would add one past the limit: the check and the write in one step. */
const PUT_WITHIN_LIMIT = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return 1
end
return 0`;

/** Kept writes waiting for Redis to return; past this many, the oldest are dropped. */
const MAX_PENDING = 10_000;

export function redisStore(options: RedisStoreOptions): Store & { close(): Promise<void> } {
  const { keyPrefix, timeoutMs, failClosed = false } = options;
  const local = memoryStore();
  const health = new RedisHealth(log);
  const pending = new Map<string, { value: string; expiresAt: number }>();
  const limiters = new Map<string, RateLimiter>();
  const prefixed = (key: string) => `${keyPrefix}${key}`;

  const client = new Redis(options.url, {
    ...(options.tls ? { tls: {} } : {}),
    enableOfflineQueue: false,
    // Callers are bounded by withTimeout; this only clears ioredis's own queue of calls to a Redis
    // that hangs, long after, so it never cuts short an answer that a busy event loop read late.
    commandTimeout: Math.max(10_000, 10 * timeoutMs),
    connectTimeout: Math.max(1000, 4 * timeoutMs),
    maxRetriesPerRequest: 0,
    // Calls made in the same tick share one write: a request's budget and revocation checks, or an
    // answer and the release of its lock.
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
  });
  client.on('error', (error) => health.failed(error));
  client.on('close', () => health.failed(new Error('connection to Redis closed')));
  client.on('ready', () => {
    health.succeeded();
    void replayPending();
  });
  const firstConnection = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    setTimeout(resolve, timeoutMs).unref();
  });

  /**
   * The call's answer from Redis, or `otherwise`'s when Redis is down, refuses or is late; a `guard`
   * then throws instead when the store fails closed.
   */
  async function viaRedis<T>(call: () => Promise<T>, otherwise: () => Promise<T>, guard = false): Promise<T> {
    const fallBack = () => {
      if (guard && failClosed) throw storeUnavailable();
      health.servedLocally();
      return otherwise();
    };
    await firstConnection;
    if (client.status !== 'ready' || !health.shouldTry()) return fallBack();
    let value: T;
    try {
      value = await withTimeout(call(), timeoutMs);
    } catch (error) {
      health.failed(error);
      return fallBack();
    }
    health.succeeded();
    return value;
  }

  async function replayPending(): Promise<void> {
    for (const [key, { value, expiresAt }] of [...pending]) {
      const ttlMs = expiresAt - Date.now();
      if (ttlMs > 0 && !(await viaRedis(() => client.set(prefixed(key), value, 'PX', ttlMs).then(() => true), async () => false))) return;
      pending.delete(key);
    }
  }

  return {
    shared: true,
    get: async (key, getOptions) =>
      (await local.get(key)) ?? viaRedis(async () => (await client.get(prefixed(key))) ?? undefined, async () => undefined, getOptions?.guard),
    async set(key, value, setOptions) {
      await local.set(key, value, setOptions);
      const ttlMs = Math.ceil(setOptions.ttlMs);
      if (!(ttlMs > 0)) return;
      const written = await viaRedis(() => client.set(prefixed(key), value, 'PX', ttlMs).then(() => true), async () => false);
      if (!written && !setOptions.cache) {
        pending.delete(key);
        pending.set(key, { value, expiresAt: Date.now() + ttlMs });
        if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
      }
    },
    setIfAbsent: (key, value, ttlMs) =>
      viaRedis(
        async () => (await client.set(prefixed(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK',
        () => local.setIfAbsent(key, value, ttlMs),
      ),
    async delete(key) {
      await local.delete(key);
      await viaRedis(() => client.del(prefixed(key)).then(() => undefined), async () => undefined);
    },
    rateLimiter(name, perMinute) {
      const id = `${name}:${perMinute}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        const counter = new RateLimiterRedis({
          storeClient: client,
          // Without the size: instances configured differently still count one window together.
          keyPrefix: `${keyPrefix}budget:${name}`,
          points: perMinute,
          duration: BUDGET_WINDOW_SECONDS,
          rejectIfRedisNotReady: true,
        });
        const inMemory = local.rateLimiter(name, perMinute);
        limiter = { take: (key) => viaRedis(() => waitSeconds(counter.consume(key)), () => inMemory.take(key), true) };
        limiters.set(id, limiter);
      }
      return limiter;
    },
    records(name): OwnerRecords {
      const key = (owner: string) => prefixed(`${name}:${owner}`);
      // Never from memory: another instance may have changed the records since this one last read them.
      const only = <T>(call: () => Promise<T>) =>
        viaRedis(call, () => {
          throw storeUnavailable();
        });
      return {
        all: (owner) => only(() => client.hgetall(key(owner))),
        get: (owner, id) => only(async () => (await client.hget(key(owner), id)) ?? undefined),
        put: (owner, id, value, max) => only(async () => (await client.eval(PUT_WITHIN_LIMIT, 1, key(owner), id, value, String(max))) === 1),
        remove: (owner, id) => only(async () => (await client.hdel(key(owner), id)) === 1),
      };
    },
    async health() {
      const answers = await viaRedis(() => client.ping().then(() => true), async () => false);
      return answers ? 'redis' : 'degraded';
    },
    async close() {
      client.removeAllListeners('close');
      client.disconnect();
    },
  };
}

/**
 * The call's answer, or a rejection once `ms` have passed. The deadline is judged after the I/O of
 * the event-loop turn in which the timer fires (setImmediate runs after it): when the process was busy
 * for longer than `ms` (a route loading its modules on a loaded machine), an answer that arrived
 * meanwhile still counts, so a stalled event loop is not taken for a stalled Redis.
 */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => setImmediate(() => reject(new Error(`Redis did not answer within ${ms} ms`))), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
