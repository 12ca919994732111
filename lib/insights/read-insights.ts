import 'server-only';
import { invalidInput } from '@/lib/errors';
import type { FilterSet } from '@/lib/jobs/filter-set';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';
import { openScan, planScan } from '@/lib/jobs/scan-plan';
import type { ReadContext } from '@/lib/jobs/reads';
import { InsightsTally, type Bucket, type Figures } from './figures';

// The insight figures of a filter set: one scan through the scan plan (its window, bounds and search
// filters, as search and export have them; a week when no start is given), tallied as it reads.

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** Up to two days are drawn by the hour; longer windows by the day. */
const HOURLY_UP_TO_MS = 2 * 86_400_000;

export interface Insights extends Figures {
  Bucket: Bucket;
  ScannedJobs: number;
  Window: { StartOfCreateTime: string; EndOfCreateTime: string; Defaulted: boolean };
  Stopped?: { Reason: 'max_jobs' | 'max_days'; At: string };
}

export async function readInsights(set: FilterSet, context: ReadContext = {}, nowMs = Date.now()): Promise<Insights> {
  const plan = planScan(set, nowMs, DEFAULT_SEARCH_DAYS);
  const bucket: Bucket = plan.window.toMs - plan.window.fromMs <= HOURLY_UP_TO_MS ? 'hour' : 'day';
  const tally = new InsightsTally(bucket);
  const scan = openScan(set.filters, { ...plan.bounds, maxJobs: plan.maxJobs }, { region: set.region, userKey: context.userKey, signal: context.signal });
  let scanned = 0;
  for await (const job of scan) {
    scanned += 1;
    if (plan.keep(job)) tally.add(job);
  }
  const stopped = scan.summary?.stopped ?? (plan.window.cutAtMs !== undefined ? { reason: 'max_days' as const, at: iso(plan.window.cutAtMs) } : undefined);
  return {
    ...tally.figures(),
    Bucket: bucket,
    ScannedJobs: scanned,
    Window: { StartOfCreateTime: iso(plan.window.fromMs), EndOfCreateTime: iso(plan.window.toMs), Defaulted: !set.filters.StartOfCreateTime },
    ...(stopped ? { Stopped: { Reason: stopped.reason, At: stopped.at } } : {}),
  };
}

/** The list's paging and selection mean nothing for figures over every page: a 400, as the export says. */
export function refuseListOnly(params: URLSearchParams): void {
  for (const name of ['PageSize', 'NextPageToken', 'Trail', 'Select']) {
    if (params.has(name)) throw invalidInput(name, 'does not apply to insights, which cover every job of the filters; remove it', { reason: 'not_for_export' });
  }
}
