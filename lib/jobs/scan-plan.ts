import 'server-only';
import { iceClient, type IceClient } from '@/lib/ice/client';
import { configuredRegions } from '@/lib/ice/regions';
import { indexedScan, indexHolds } from '@/lib/index/index-scan';
import { DEFAULT_SEARCH_DAYS, hasSearchFilters, type FilterSet } from './filter-set';
import { scanJobs, scanWindow, type Scan, type ScanFilters, type ScanSource } from './scan';
import { scanPace } from './scan-budget';
import { getScanConfig } from './scan-config';
import { requireSpec } from '@/lib/specs/spec-config';
import { matchesSearch, type SearchFilters } from './search-filters';

// The one owner of how a filter set is scanned, for search, export and insights alike: which create-time
// window it covers (the filters' own, else a default; cut to SCAN_MAX_DAYS), how many jobs it may read
// (SCAN_MAX_JOBS), which scanned jobs it keeps (the portal's search filters), and the walk itself, on
// the process's ICE client and paced by the person's scan budget, or the job index when it holds the
// window. Each caller then reads the scan its own way: a page of matches (search.ts), a download
// (export-download.ts). The bounds are the live scan's: when the job index holds the whole range asked
// (widenForIndex), the plan drops them (no SCAN_MAX_DAYS cut, no SCAN_MAX_JOBS) and the index alone
// answers it.

export interface ScanPlan {
  /** The create-time range walked; `cutAtMs` where SCAN_MAX_DAYS cut the asked range. */
  window: { fromMs: number; toMs: number; cutAtMs?: number };
  /** For scanJobs: the bounds that give this window. */
  bounds: { maxDays: number; defaultDays: number; nowMs: number };
  maxJobs: number;
  searching: boolean;
  /** Why the scan covers less than the list would show: no start given (`default`), or a range longer than SCAN_MAX_DAYS. */
  cut?: 'default' | 'max_days';
  /** Which scanned jobs answer the question. */
  keep: (job: Parameters<typeof matchesSearch>[0]) => boolean;
  /** The search filters `keep` applies, for a source that can narrow its reads by them (the job index). */
  search?: SearchFilters;
  /** The range asked (or defaulted), before SCAN_MAX_DAYS cut it. */
  asked: { fromMs: number; toMs: number };
  /** The job index holds the whole range asked: the plan has no bounds, and only the index may answer it. */
  wide?: true;
}

/**
 * The plan for a filter set. Without a start, a search covers the last DEFAULT_SEARCH_DAYS (as /jobs
 * says); anything else the last SCAN_MAX_DAYS, and says so (`cut: 'default'`); a caller with its own
 * default window (insights: a week) says it in `defaultDays`.
 */
export function planScan({ filters, search }: FilterSet, nowMs = Date.now(), defaultDays?: number): ScanPlan {
  const { maxDays, maxJobs } = getScanConfig();
  const searching = hasSearchFilters(search);
  const bounds = { maxDays, defaultDays: Math.min(maxDays, defaultDays ?? (searching ? DEFAULT_SEARCH_DAYS : maxDays)), nowMs };
  const window = scanWindow(filters, bounds);
  const asked = scanWindow(filters, { ...bounds, maxDays: Infinity });
  const cut = window.cutAtMs !== undefined ? 'max_days' : !filters.StartOfCreateTime && !searching ? 'default' : undefined;
  const spec = search.Spec ? requireSpec(search.Spec) : undefined;
  return { window, asked, bounds, maxJobs, searching, ...(cut ? { cut } : {}), keep: searching ? (job) => matchesSearch(job, search, spec) : () => true, ...(searching ? { search } : {}) };
}

/**
 * The plan without the live scan's bounds when the job index holds the whole range asked in `region`
 * (the default region when not said): a search or an export over every job of it. The default window
 * (no start given) stays what it is. `keepMaxJobs` keeps SCAN_MAX_JOBS (the insights: each job read is
 * decoded and tallied on this instance, so an unbounded one could hold a CPU for a minute).
 */
export async function widenForIndex(plan: ScanPlan, region: string | undefined, { keepMaxJobs = false } = {}): Promise<ScanPlan> {
  if (!(await indexHolds(regionOrDefault(region), plan.asked.fromMs, plan.asked.toMs, plan.bounds.nowMs))) return plan;
  const { cut, ...rest } = plan;
  return {
    ...rest,
    window: { fromMs: plan.asked.fromMs, toMs: plan.asked.toMs },
    bounds: { ...plan.bounds, maxDays: Infinity },
    maxJobs: keepMaxJobs ? plan.maxJobs : Infinity,
    ...(cut === 'default' ? { cut } : {}),
    wide: true,
  };
}

const regionOrDefault = (region: string | undefined) => region ?? configuredRegions()[0]!.region;

export interface ScanRun {
  /** The ICE region walked (the filter set's); the default region when not said. */
  region?: string;
  /** Whose scan it is (lib/auth/access.ts userKey): its ICE calls spend their scan budget. */
  userKey?: string;
  signal?: AbortSignal;
  /** Whether identical scans in flight may share one walk (an export, paced by its client, says no). */
  share?: boolean;
  /** Another client than the process's (tests). */
  client?: Pick<IceClient, 'listMediaInfoJobs'>;
  /**
   * The plan's search filters. The job index reads only the rows they select, so its scan yields
   * (and counts, and bounds) matches rather than every job of the window; the plan's keep still decides.
   */
  search?: SearchFilters;
  /**
   * The source that must answer: the index for a wide plan (widenForIndex), and for a search's later
   * pages the one that answered its first (their orders differ within a second, so a switch could
   * repeat or skip jobs). Either when not said.
   */
  source?: ScanSource['kind'];
  /** The reader wants the exact number of matches (a search's first page), where the source can count them. */
  count?: boolean;
  /**
   * The reader wants each job's JSON text only (an NDJSON export that keeps every job): a source that
   * stores the text (the job index) may hand out jobs that hold only JobId and SubmitTime, with their
   * text kept for lib/jobs/job-text.ts, rather than decode every document.
   */
  textOnly?: boolean;
}

/**
 * The walk over `filters` within `limits` (a plan's bounds and maxJobs, or a resumed search's own), on
 * the ICE client and the person's scan budget.
 */
export function openScan(filters: ScanFilters, limits: { maxDays: number; maxJobs: number; defaultDays?: number; nowMs?: number }, run: ScanRun = {}): Scan {
  const live = () =>
    scanJobs({
      filters,
      client: run.client ?? iceClient(run.region),
      signal: run.signal,
      pace: run.userKey === undefined ? undefined : scanPace(run.userKey),
      ...(run.share === false ? { share: false } : {}),
      ...limits,
    });
  // The job index answers when it holds the window (lib/index/index-scan.ts); a test's own client reads ICE.
  if (run.client || run.source === 'ice') return live();
  return indexedScan(filters, { search: run.search, textOnly: run.textOnly, indexOnly: run.source === 'index', count: run.count }, limits, regionOrDefault(run.region), run.signal, live);
}
