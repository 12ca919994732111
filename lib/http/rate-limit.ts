import 'server-only';
import { appStore } from '@/lib/store/app-store';
import type { RateLimiter } from '@/lib/store/store';

// The per-user budget of page loads and API calls together (AUTH_RATE_LIMIT_PER_MINUTE), spent by
// proxy.ts and the route handlers alike. It lives in the process's store: with Redis, one budget for
// every instance, so requests spread over them are limited as one user's; without, per process.

export function userRateLimiter(perMinute: number): RateLimiter {
  return appStore().rateLimiter('user', perMinute);
}
