import 'server-only';
import { getStoreConfig } from './config';
import { memoryStore } from './memory';
import { redisStore } from './redis';
import type { Store } from './store';

// The process's one store, Redis when REDIS_URL is set, else memory. proxy.ts, the route handlers,
// the pages and instrumentation are separate bundles with their own copies of this module: the store
// (and its one Redis connection) lives on globalThis, so all of them share it.

const SHARED = Symbol.for('ice-portal.store');

export function appStore(): Store {
  const holder = globalThis as { [SHARED]?: Store };
  if (!holder[SHARED]) {
    const config = getStoreConfig();
    holder[SHARED] = config.kind === 'redis' ? redisStore(config) : memoryStore();
  }
  return holder[SHARED];
}
