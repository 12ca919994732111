import 'server-only';
import { invalidInput, toPortalError } from '@/lib/errors';
import { NOT_EXPORTED_PARAMS } from '@/lib/jobs/export-query';
import type { FilterSet } from '@/lib/jobs/filter-set';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';
import { getScanConfig } from '@/lib/jobs/scan-config';
import { sourceSaid } from '@/lib/jobs/scan';
import { openScan, planScan, widenForIndex } from '@/lib/jobs/scan-plan';
import type { ReadContext } from '@/lib/jobs/reads';
import { filtersKey } from '@/lib/jobs/search-token';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { InsightsTally, type Bucket, type Insights } from './figures';
import { iceTime } from '@/lib/ice/ice-time';

export type { Insights };

// The insight figures of a filter set: one scan through the scan plan (its window, bounds and search
// filters, as search and export have them; a week when no start is given), tallied as it reads. The
// figures of a scan that read its window whole are kept in the store (memory, or Redis for every
// instance) for INSIGHTS_CACHE_SECONDS, so a reload or a second viewer costs no ICE call; a window that
// ended in the past and held only final jobs cannot change, and is kept for an hour.

/** Up to two days are drawn by the hour; longer windows by the day. */
const HOURLY_UP_TO_MS = 2 * 86_400_000;
const SETTLED_KEEP_MS = 3_600_000;
/** How often a streamed read shows the figures so far. */
const PROGRESS_MS = 400;

/** How a read goes: `fresh` scans even when figures are kept (a refresh); `onProgress` sees the figures so far while the scan runs. */
export interface InsightsRead {
  fresh?: boolean;
  onProgress?: (partial: Insights) => void;
}

const keyOf = (set: FilterSet) => `insights:${filtersKey({ ...set.filters, ...set.search, ...(set.region ? { Region: set.region } : {}) })}`;

/** The figures kept for this filter set, if any: a read of the store only, never of ICE. */
export async function keptInsights(set: FilterSet): Promise<Insights | undefined> {
  if (getScanConfig().insightsCacheMs <= 0) return undefined;
  const kept = await appStore().get(keyOf(set));
  if (!kept) return undefined;
  try {
    return JSON.parse(kept) as Insights;
  } catch {
    log('warn', 'store_entry_unreadable', { message: 'kept insights did not parse; the jobs are scanned again' });
    return undefined;
  }
}

export async function readInsights(set: FilterSet, context: ReadContext = {}, nowMs = Date.now(), read: InsightsRead = {}): Promise<Insights> {
  // Keyed by the question as asked: a window relative to now ("no start") is the same question for a minute.
  const kept = read.fresh ? undefined : await keptInsights(set);
  if (kept) return kept;
  const insights = await scanInsights(set, context, nowMs, read.onProgress);
  const { insightsCacheMs } = getScanConfig();
  if (insightsCacheMs > 0 && !insights.Stopped && !context.signal?.aborted) {
    const settled = set.filters.EndOfCreateTime !== undefined && Date.parse(insights.Window.EndOfCreateTime) < nowMs && insights.ByStatus.Init === 0;
    await appStore().set(keyOf(set), JSON.stringify(insights), { ttlMs: settled ? Math.max(SETTLED_KEEP_MS, insightsCacheMs) : insightsCacheMs, cache: true });
  }
  return insights;
}

/**
 * The figures as NDJSON: the figures so far while the scan runs (`"Partial": true`, the first as soon as
 * a job is read, then every PROGRESS_MS), then the whole figures; a failure after the start ends it with
 * an {"error": ...} line, as the export does. A failure before any job is read throws, so the route
 * answers a real error status. A reader that goes away stops the scan.
 */
export async function streamInsights(set: FilterSet, context: ReadContext, read: Omit<InsightsRead, 'onProgress'> = {}): Promise<ReadableStream<Uint8Array>> {
  const cancel = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, cancel.signal]) : cancel.signal;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => cancel.abort(),
  });
  const write = (value: unknown) => {
    if (!signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
  };
  let started!: () => void;
  const firstJob = new Promise<void>((resolve) => (started = resolve));
  const done = readInsights(set, { ...context, signal }, Date.now(), {
    ...read,
    onProgress: (partial) => {
      write({ ...partial, Partial: true });
      started();
    },
  });
  try {
    await Promise.race([firstJob, done]);
  } catch (error) {
    cancel.abort();
    throw error;
  }
  done.then(
    (insights) => {
      write(insights);
      if (!signal.aborted) controller.close();
    },
    (error: unknown) => {
      if (signal.aborted) return;
      write({ error: toPortalError(error).toJSON() });
      controller.close();
    },
  );
  return stream;
}

async function scanInsights(set: FilterSet, context: ReadContext, nowMs: number, onProgress?: (partial: Insights) => void): Promise<Insights> {
  const plan = await widenForIndex(planScan(set, nowMs, DEFAULT_SEARCH_DAYS), set.region, { keepMaxJobs: true });
  const bucket: Bucket = plan.window.toMs - plan.window.fromMs <= HOURLY_UP_TO_MS ? 'hour' : 'day';
  const tally = new InsightsTally(bucket);
  const scan = openScan(set.filters, { ...plan.bounds, maxJobs: plan.maxJobs }, { region: set.region, userKey: context.userKey, signal: context.signal, search: plan.search, source: plan.wide ? 'index' : undefined });
  let scanned = 0;
  let shownAt = 0;
  const figures = (stopped?: Insights['Stopped']): Insights => ({
    ...tally.figures(),
    Bucket: bucket,
    ScannedJobs: scanned,
    Window: { StartOfCreateTime: iceTime(plan.window.fromMs), EndOfCreateTime: iceTime(plan.window.toMs), Defaulted: !set.filters.StartOfCreateTime },
    ...(stopped ? { Stopped: stopped } : {}),
    Source: sourceSaid(scan.source),
    ComputedAt: new Date(nowMs).toISOString(),
  });
  for await (const job of scan) {
    scanned += 1;
    if (plan.keep(job)) tally.add(job);
    if (onProgress && Date.now() - shownAt >= PROGRESS_MS) {
      shownAt = Date.now();
      onProgress(figures());
    }
  }
  const stopped = scan.summary?.stopped ?? (plan.window.cutAtMs !== undefined ? { reason: 'max_days' as const, at: iceTime(plan.window.cutAtMs) } : undefined);
  return figures(stopped ? { Reason: stopped.reason, At: stopped.at } : undefined);
}

/** The list's paging and selection mean nothing for figures over every page: a 400, as the export says. */
export function refuseListOnly(params: URLSearchParams | Record<string, string | string[] | undefined>): void {
  for (const name of NOT_EXPORTED_PARAMS) {
    if (params instanceof URLSearchParams ? params.has(name) : params[name] !== undefined) throw invalidInput(name, 'does not apply to insights, which cover every job of the filters; remove it', { reason: 'not_for_insights' });
  }
}
