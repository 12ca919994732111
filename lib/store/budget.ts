import { RateLimiterRes } from 'rate-limiter-flexible';

// rate-limiter-flexible's answer to a take, in the portal's terms. It counts fixed one-minute
// windows, in memory and in Redis alike (one atomic Lua script there), so both stores spend a budget
// the same way. A refusal is its RateLimiterRes; anything else it rejects with is a store failure.

export const BUDGET_WINDOW_SECONDS = 60;

/** 0 when the take was allowed; otherwise the whole seconds until the window ends (at least 1). */
export async function waitSeconds(take: Promise<unknown>): Promise<number> {
  try {
    await take;
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}
