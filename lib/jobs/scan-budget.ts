import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { appStore } from '@/lib/store/app-store';
import { getScanConfig } from './scan-config';

// What one person's scans (searches and exports) may ask of ICE: SCAN_CALLS_PER_MINUTE calls a minute,
// counted in the store, so with Redis one budget across every instance. A search costs tens of calls
// and an export up to hundreds for one request, which the per-request budget (AUTH_RATE_LIMIT_PER_MINUTE)
// cannot see. A scan that has spent its budget waits for the next minute rather than fail: the download
// or the search goes on, slower, while the person's page loads and API calls keep their own budget.

/** Resolves when one more ICE call of the scan may go; rejects when `signal` aborts the wait. */
export type ScanPace = (signal: AbortSignal) => Promise<void>;

export function scanPace(userKey: string): ScanPace {
  const budget = appStore().rateLimiter('scan-calls', getScanConfig().callsPerMinute);
  return async (signal) => {
    for (let wait = await budget.take(userKey); wait > 0; wait = await budget.take(userKey)) {
      await sleep(wait * 1000, undefined, { signal });
    }
  };
}
