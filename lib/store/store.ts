// The one interface for state that several server processes may share: short-lived reads of ICE,
// finished jobs, locks, revoked sessions and rate budgets. Two implementations: this process's memory
// (memory.ts, the default) and Redis (redis.ts, when REDIS_URL is set). Callers never know which one
// they have; `shared` only tells them whether writing for other processes is worth the trouble.
//
// Values are write-once: a key's value never changes before it expires or is deleted (an answer of
// ICE, a revocation, a lock), which is what lets the Redis store keep a copy in memory as well.

export type StoreHealth =
  /** The in-process store: nothing to reach, nothing to lose. */
  | 'memory'
  /** Redis answers. */
  | 'redis'
  /** Redis is configured but does not answer: this process serves from its memory until it does. */
  | 'degraded';

export interface SetOptions {
  ttlMs: number;
  /**
   * A cache entry: memory may drop it before its TTL to stay within its bound. Anything else (a
   * revocation, a lock) is kept until its TTL, whatever the cache holds.
   */
  cache?: boolean;
}

export interface GetOptions {
  /**
   * The answer decides whether a request may go on (a revoked session). With STORE_FAIL_CLOSED, the
   * Redis store throws a 503 PortalError (store_unavailable) when Redis cannot give it, rather than
   * answer from this process's memory. A rate budget's take always counts as such a read.
   */
  guard?: boolean;
}

/**
 * A small map per owner that changes (a person's saved views). Unlike everything else here its values
 * are not write-once: they are read and written in the shared store itself and never copied into this
 * process's memory, so every instance reads the latest. While Redis does not answer it throws
 * store_unavailable (503) rather than answer from one instance's memory.
 */
export interface OwnerRecords {
  /** Every record of the owner, by id. */
  all(owner: string): Promise<Record<string, string>>;
  /** One record of the owner. */
  get(owner: string, id: string): Promise<string | undefined>;
  /** Sets one record; false, and nothing written, when a new one would take the owner past `max`. */
  put(owner: string, id: string, value: string, max: number): Promise<boolean>;
  /** Whether there was such a record. */
  remove(owner: string, id: string): Promise<boolean>;
}

export interface RateLimiter {
  /** 0 when one more may go ahead (and is counted); otherwise the seconds to wait (for Retry-After). */
  take(key: string): Promise<number>;
}

export interface Store {
  /** Whether other server processes see what this store holds. */
  readonly shared: boolean;
  get(key: string, options?: GetOptions): Promise<string | undefined>;
  set(key: string, value: string, options: SetOptions): Promise<void>;
  /** Sets the key only when it holds nothing; true when this call set it (a short lock). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** A budget of `perMinute` takes per key in each one-minute window; one per name and size. */
  rateLimiter(name: string, perMinute: number): RateLimiter;
  /** The owners' records under `name` (OwnerRecords). */
  records(name: string): OwnerRecords;
  health(): Promise<StoreHealth>;
}
