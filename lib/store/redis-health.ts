import type { LogLevel } from '@/lib/log/logger';

// Whether Redis answers, as the Redis store sees it, and what the logs say about it. Cases:
// - a failed or timed-out call marks Redis down: calls go straight to memory for RETRY_MS, so a Redis
//   that hangs costs one timeout a second, not one per request;
// - the first failure is a warning at once; while it lasts, one more a minute with how many calls
//   failed and were served from memory since, never one per request;
// - the first success (or reconnection) after that is logged once, with how long it lasted.

type Log = (level: LogLevel, event: string, fields: Record<string, unknown>) => void;

export const RETRY_MS = 1000;
export const WARN_EVERY_MS = 60_000;

export class RedisHealth {
  private downSince?: number;
  private retryAt = 0;
  private lastWarnAt = 0;
  private failedCalls = 0;
  private servedFromMemory = 0;

  constructor(private readonly log: Log) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** Whether a call should try Redis now, or go straight to memory. */
  shouldTry(now = Date.now()): boolean {
    return now >= this.retryAt;
  }

  /** A call was answered from memory instead of Redis (tried and failed, or not tried). */
  servedLocally(): void {
    this.servedFromMemory += 1;
  }

  failed(error: unknown, now = Date.now()): void {
    this.retryAt = now + RETRY_MS;
    this.failedCalls += 1;
    const reason = describe(error);
    if (this.downSince === undefined) {
      this.downSince = now;
      this.lastWarnAt = now;
      this.log('warn', 'store_degraded', {
        store: 'redis',
        reason,
        message: "Redis does not answer: serving from this process's memory (rate budgets per process, revocations recorded here only) until it does",
      });
    } else if (now - this.lastWarnAt >= WARN_EVERY_MS) {
      this.lastWarnAt = now;
      this.log('warn', 'store_still_degraded', { store: 'redis', reason, downMs: now - this.downSince, failedCalls: this.failedCalls, servedFromMemory: this.servedFromMemory });
    }
  }

  succeeded(now = Date.now()): void {
    this.retryAt = 0;
    if (this.downSince === undefined) return;
    this.log('info', 'store_recovered', { store: 'redis', downMs: now - this.downSince, failedCalls: this.failedCalls, servedFromMemory: this.servedFromMemory });
    this.downSince = undefined;
    this.failedCalls = 0;
    this.servedFromMemory = 0;
  }
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return String(typeof message === 'string' && message ? message : typeof code === 'string' ? code : error).slice(0, 200);
}
