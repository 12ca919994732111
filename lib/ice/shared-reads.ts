import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '@/lib/log/logger';
import type { Store } from '@/lib/store/store';

// Identical reads of ICE across instances, when the store is shared (Redis): an answer is written
// for REUSE_MS and served to the same read from any instance, and while one instance calls ICE for a
// read, the others wait for its answer instead of calling too. Within one process the Coalescer does
// the same for free (coalesce.ts); this is the layer under it. Cases:
// - the answer is there: it is checked with the read's own schema, like a fresh one, and served;
//   an entry that does not parse or validate is logged and ignored (ICE is called, and it is replaced);
// - nobody is calling: this instance takes a short lock (LOCK_MS), looks for an answer once more (one
//   may have been written between its first look and the lock), calls, writes the answer for REUSE_MS
//   and releases the lock;
// - another instance holds the lock: look for its answer every POLL_MS; when the lock is released
//   without an answer (its call failed) take it and call; after LOCK_MS call anyway. Best effort: a
//   failure is not shared, and a call slower than LOCK_MS may be made twice;
// - the caller's signal ends the wait.

export const SHARED_READS = {
  /** How long an answer is served again, to any instance (the same as the in-process reuse). */
  reuseMs: 1000,
  /** How long one instance may call ICE for a read before others stop waiting for it. */
  lockMs: 2000,
  /** How often a waiting instance looks for the answer. */
  pollMs: 20,
};

export interface SharedRead<T> {
  value: T;
  /** ICE's answer as it came, when this call fetched it (rather than another instance). */
  fetched?: unknown;
}

export async function sharedRead<T>(
  store: Store,
  key: string,
  fetch: () => Promise<unknown>,
  parse: (body: unknown) => T,
  signal: AbortSignal,
): Promise<SharedRead<T>> {
  if (!store.shared) {
    const body = await fetch();
    return { value: parse(body), fetched: body };
  }
  const lockKey = `${key}#lock`;
  const giveUpAt = Date.now() + SHARED_READS.lockMs;
  let locked = false;
  for (;;) {
    const entry = await store.get(key);
    const reused = readEntry(entry, parse);
    if (reused !== undefined) return { value: reused };
    locked = await store.setIfAbsent(lockKey, '1', SHARED_READS.lockMs);
    if (locked) {
      // Read again once the lock is ours: another instance may have written its answer and released
      // its lock between the read above and the lock. It writes before it releases, so this read sees it.
      const again = await store.get(key);
      const written = again === entry ? undefined : readEntry(again, parse);
      if (written !== undefined) {
        await store.delete(lockKey);
        return { value: written };
      }
      break;
    }
    if (Date.now() >= giveUpAt) break;
    await sleep(SHARED_READS.pollMs, undefined, { signal });
  }
  try {
    const body = await fetch();
    const value = parse(body);
    // The answer first, then the lock it was waited on, one after the other: an instance that takes the
    // lock after it is released must find the answer (see the read again above).
    await store.set(key, JSON.stringify(body), { ttlMs: SHARED_READS.reuseMs, cache: true });
    if (locked) await store.delete(lockKey);
    return { value, fetched: body };
  } catch (error) {
    if (locked) await store.delete(lockKey);
    throw error;
  }
}

/** A stored answer checked like a fresh one, or undefined when there is none or it does not hold. */
export function readEntry<T>(entry: string | undefined, parse: (body: unknown) => T): T | undefined {
  if (entry === undefined) return undefined;
  try {
    return parse(JSON.parse(entry));
  } catch (error) {
    log('warn', 'store_entry_unreadable', { error: (error as Error)?.name, message: 'a stored ICE answer did not parse or validate; ICE is asked instead' });
    return undefined;
  }
}
