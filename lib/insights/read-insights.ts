import 'server-only';
import { invalidInput } from '@/lib/errors';
import { NOT_EXPORTED_PARAMS } from '@/lib/jobs/export-query';
import type { FilterSet } from '@/lib/jobs/filter-set';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';
import { getScanConfig } from '@/lib/jobs/scan-config';
import { openScan, planScan } from '@/lib/jobs/scan-plan';
import type { ReadContext } from '@/lib/jobs/reads';
import { filtersKey } from '@/lib/jobs/search-token';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { InsightsTally, type Bucket, type Figures } from './figures';

// The insight figures of a filter set: one scan through the scan plan (its window, bounds and search
// filters, as search and export have them; a week when no start is given), tallied as it reads. The
// figures of a scan that read its window whole are kept in the store (memory, or Redis for every
// instance) for INSIGHTS_CACHE_SECONDS, so a reload or a second viewer costs no ICE call; a window that
// ended in the past and held only final jobs cannot change, and is kept for an hour.

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** Up to two days are drawn by the hour; longer windows by the day. */
const HOURLY_UP_TO_MS = 2 * 86_400_000;
const SETTLED_KEEP_MS = 3_600_000;

export interface Insights extends Figures {
  Bucket: Bucket;
  ScannedJobs: number;
  Window: { StartOfCreateTime: string; EndOfCreateTime: string; Defaulted: boolean };
  Stopped?: { Reason: 'max_jobs' | 'max_days'; At: string };
  /** When the figures were computed: now, or earlier when they were kept. */
  ComputedAt: string;
}

export async function readInsights(set: FilterSet, context: ReadContext = {}, nowMs = Date.now()): Promise<Insights> {
  // Keyed by the question as asked: a window relative to now ("no start") is the same question for a minute.
  const key = `insights:${filtersKey({ ...set.filters, ...set.search, ...(set.region ? { Region: set.region } : {}) })}`;
  const { insightsCacheMs } = getScanConfig();
  const kept = insightsCacheMs > 0 ? await appStore().get(key) : undefined;
  if (kept) {
    try {
      return JSON.parse(kept) as Insights;
    } catch {
      log('warn', 'store_entry_unreadable', { message: 'kept insights did not parse; the jobs are scanned again' });
    }
  }
  const insights = await scanInsights(set, context, nowMs);
  if (insightsCacheMs > 0 && !insights.Stopped && !context.signal?.aborted) {
    const settled = set.filters.EndOfCreateTime !== undefined && Date.parse(insights.Window.EndOfCreateTime) < nowMs && insights.ByStatus.Init === 0;
    await appStore().set(key, JSON.stringify(insights), { ttlMs: settled ? Math.max(SETTLED_KEEP_MS, insightsCacheMs) : insightsCacheMs, cache: true });
  }
  return insights;
}

async function scanInsights(set: FilterSet, context: ReadContext, nowMs: number): Promise<Insights> {
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
    ComputedAt: new Date(nowMs).toISOString(),
  };
}

/** The list's paging and selection mean nothing for figures over every page: a 400, as the export says. */
export function refuseListOnly(params: URLSearchParams): void {
  for (const name of NOT_EXPORTED_PARAMS) {
    if (params.has(name)) throw invalidInput(name, 'does not apply to insights, which cover every job of the filters; remove it', { reason: 'not_for_export' });
  }
}
