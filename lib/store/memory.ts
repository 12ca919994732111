import { RateLimiterMemory } from 'rate-limiter-flexible';
import { BUDGET_WINDOW_SECONDS, waitSeconds } from './budget';
import type { OwnerRecords, RateLimiter, SetOptions, Store } from './store';

// The store in this process's memory: the default (the demo and a single container need nothing
// else), and what the Redis store falls back to while Redis does not answer. Cases:
// - cache entries share one bound (characters of all values together); past it, the least recently
//   read go first, so a burst of large jobs cannot grow the process without limit;
// - everything else (revocations, locks) is never evicted by the cache: it stays until its TTL, and
//   expired entries are swept once there are many;
// - an entry past its TTL is never returned, swept or not.

export interface MemoryStoreOptions {
  /** Characters of cached values held at once, all entries together (JSON: about bytes). */
  maxCacheChars?: number;
}

/** Room for a few thousand typical jobs (5 to 20 KB of JSON), or fifty of the largest (1 MB). */
export const DEFAULT_MAX_CACHE_CHARS = 50_000_000;
/** Kept entries swept of expired ones when there are this many. */
const SWEEP_AT = 10_000;

interface Entry {
  value: string;
  expiresAt: number;
}

export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const maxCacheChars = options.maxCacheChars ?? DEFAULT_MAX_CACHE_CHARS;
  // Map order is insertion order: a read re-inserts, so the first key is the least recently read.
  const cache = new Map<string, Entry>();
  let cacheChars = 0;
  const kept = new Map<string, Entry>();
  const limiters = new Map<string, RateLimiter>();
  const owners = new Map<string, Map<string, string>>();

  const dropCached = (key: string) => {
    const entry = cache.get(key);
    if (!entry) return;
    cache.delete(key);
    cacheChars -= entry.value.length;
  };

  const live = (key: string, now: number): Entry | undefined => {
    const entry = kept.get(key);
    if (entry) {
      if (entry.expiresAt > now) return entry;
      kept.delete(key);
    }
    const cached = cache.get(key);
    if (!cached) return undefined;
    dropCached(key);
    if (cached.expiresAt <= now) return undefined;
    cache.set(key, cached);
    cacheChars += cached.value.length;
    return cached;
  };

  const put = (key: string, value: string, { ttlMs, cache: evictable }: SetOptions) => {
    dropCached(key);
    kept.delete(key);
    if (!(ttlMs > 0)) return;
    const now = Date.now();
    const entry = { value, expiresAt: now + ttlMs };
    if (!evictable) {
      if (kept.size >= SWEEP_AT) for (const [k, e] of kept) if (e.expiresAt <= now) kept.delete(k);
      kept.set(key, entry);
      return;
    }
    // A value larger than the whole bound would only empty the cache for nothing.
    if (value.length > maxCacheChars) return;
    while (cacheChars + value.length > maxCacheChars) dropCached(cache.keys().next().value!);
    cache.set(key, entry);
    cacheChars += value.length;
  };

  return {
    shared: false,
    get: async (key) => live(key, Date.now())?.value,
    set: async (key, value, setOptions) => put(key, value, setOptions),
    async setIfAbsent(key, value, ttlMs) {
      if (live(key, Date.now())) return false;
      put(key, value, { ttlMs });
      return true;
    },
    async delete(key) {
      dropCached(key);
      kept.delete(key);
    },
    rateLimiter(name, perMinute) {
      const id = `${name}:${perMinute}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        const counter = new RateLimiterMemory({ keyPrefix: id, points: perMinute, duration: BUDGET_WINDOW_SECONDS });
        limiter = { take: (key) => waitSeconds(counter.consume(key)) };
        limiters.set(id, limiter);
      }
      return limiter;
    },
    records(name): OwnerRecords {
      const of = (owner: string) => {
        const key = `${name}:${owner}`;
        let records = owners.get(key);
        if (!records) owners.set(key, (records = new Map()));
        return records;
      };
      return {
        all: async (owner) => Object.fromEntries(of(owner)),
        get: async (owner, id) => of(owner).get(id),
        async put(owner, id, value, max) {
          const records = of(owner);
          if (!records.has(id) && records.size >= max) return false;
          records.set(id, value);
          return true;
        },
        remove: async (owner, id) => of(owner).delete(id),
      };
    },
    health: async () => 'memory',
  };
}
