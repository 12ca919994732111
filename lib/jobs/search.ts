import 'server-only';
import type { IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { filterSetOf, ICE_DEFAULT_PAGE_SIZE, type ListQuery } from './list-query';
import { sourceSaid, type ScanFilters } from './scan';
import { openScan, planScan, widenForIndex } from './scan-plan';
import { filtersKey, openPosition, sealPosition, type SearchPosition } from './search-token';
import { iceTime } from '@/lib/ice/ice-time';

// One page of a search: ICE's filters narrow what is read, the portal's filters pick from it. A page
// is filled by scanning until it has PageSize matches or has scanned PAGE_BUDGET jobs, and its token
// resumes exactly where the scan stopped. Cases handled:
// - no time range: the last DEFAULT_SEARCH_DAYS (scan-plan.ts), said in the answer (Window.Defaulted);
// - the window is fixed at the first page, so "last 7 days" does not slide while someone pages;
// - jobs of the second the scan stopped in are counted, and skipped when it resumes there;
// - every page is read from the source that answered the first (ICE and the job index order the jobs
//   of one second differently);
// - SCAN_MAX_DAYS and SCAN_MAX_JOBS (over all pages) stop the search, and the answer says where,
//   unless the job index holds the whole range asked: then the search has no bound, its later pages
//   are read from the index only, and the index's exact count of matches is said (Total).

/** Jobs scanned for one page at most: a rare match must not hold a request for minutes. */
export const PAGE_BUDGET = 2000;

export interface SearchPage {
  Jobs: MediaInfoJob[];
  /** Resumes the scan where this page stopped; absent when the window is read to the end. */
  NextPageToken?: string;
  /** Jobs scanned and matches found on this page and all before it. */
  ScannedJobs: number;
  Matches: number;
  /** Every match in the window, counted when the search began: said when the job index answered and could count exactly. */
  Total?: number;
  Window: { StartOfCreateTime: string; EndOfCreateTime: string; Defaulted: boolean };
  /** Set when a bound ended the search before the filters' whole range was read. */
  Stopped?: { Reason: 'max_jobs' | 'max_days'; At: string };
  /** Which source answered: ICE's pages, or the job index and when it last synced. */
  Source: ReturnType<typeof sourceSaid>;
}

export interface SearchOptions {
  /** Another client than the process's (tests). */
  client?: Pick<IceClient, 'listMediaInfoJobs'>;
  /** Stops the scan: the request's, or the page's client going away (lib/http/request-signals.ts). */
  signal?: AbortSignal;
  /** Whose search it is (lib/auth/access.ts userKey): its ICE calls spend their scan budget. */
  userKey?: string;
  nowMs?: number;
}

export async function searchJobsPage(query: ListQuery, options: SearchOptions): Promise<SearchPage> {
  const { NextPageToken: token, PageSize: _size, ...iceFilters } = query.ice;
  // A token holds to its region too: resumed in another, it would skip jobs it never read there.
  // A relative window (Since) is bound as itself, not as the start it resolves to now: the token keeps
  // the window of the first page, so a client may page with the same Since after the minute has turned.
  const { StartOfCreateTime: start, ...rest } = iceFilters;
  const boundTo = filtersKey({ ...rest, ...(query.since ? { Since: query.since } : { StartOfCreateTime: start }), ...query.search, ...(query.region ? { Region: query.region } : {}) });
  let plan = planScan(filterSetOf(query), options.nowMs);
  const newestFirst = iceFilters.OrderBy !== 'CreateTimeAsc';
  let position: SearchPosition;
  if (token) {
    position = openPosition(token, boundTo, { maxDays: plan.bounds.maxDays, maxJobs: plan.maxJobs, nowMs: options.nowMs });
  } else {
    // A test's own client reads ICE only (openScan), so no index may take the search on.
    if (!options.client) plan = await widenForIndex(plan, query.region);
    const { window } = plan;
    position = { from: window.fromMs, to: window.toMs, cutAt: window.cutAtMs, readAtSecond: 0, scanned: 0, matched: 0, ...(plan.wide ? { wide: true as const, source: 'index' as const } : {}) };
  }
  const wide = position.wide === true;

  // Resume at the second the last page stopped in; its jobs already read are skipped below.
  const resumeMs = position.at ? Date.parse(position.at) : undefined;
  const filters: ScanFilters = {
    ...iceFilters,
    StartOfCreateTime: iceTime(!newestFirst && resumeMs !== undefined ? resumeMs : position.from),
    EndOfCreateTime: iceTime(newestFirst && resumeMs !== undefined ? resumeMs : position.to),
  };
  // The page's own window (resumed where the last page stopped) within what is left of SCAN_MAX_JOBS.
  const scan = openScan(
    filters,
    { maxDays: Infinity, maxJobs: wide ? Infinity : Math.max(0, plan.maxJobs - position.scanned) + position.readAtSecond },
    { client: options.client, signal: options.signal, userKey: options.userKey, region: query.region, search: plan.search, source: position.source, count: !token },
  );

  const wanted = query.ice.PageSize ?? ICE_DEFAULT_PAGE_SIZE;
  const jobs: MediaInfoJob[] = [];
  let scannedHere = 0;
  let toSkip = position.at ? position.readAtSecond : 0;
  let at = position.at;
  let readAtSecond = position.readAtSecond;
  let full = false;
  for await (const job of scan) {
    if (toSkip > 0 && job.SubmitTime === position.at) {
      toSkip -= 1;
      continue;
    }
    scannedHere += 1;
    if (job.SubmitTime === at) readAtSecond += 1;
    else [at, readAtSecond] = [job.SubmitTime, 1];
    if (plan.keep(job)) jobs.push(job);
    if (jobs.length >= wanted || scannedHere >= PAGE_BUDGET) {
      full = true;
      break;
    }
  }

  // Counted at the first page: jobs a sync adds later may be found beyond it, so never fewer than found.
  const counted = token ? position.total : scan.total;
  const total = counted === undefined ? undefined : Math.max(counted, position.matched + jobs.length);
  const next: SearchPosition = { ...position, source: scan.source?.kind ?? 'ice', at, readAtSecond, scanned: position.scanned + scannedHere, matched: position.matched + jobs.length, ...(total !== undefined ? { total } : {}) };
  const bound = scan.summary?.stopped?.reason === 'max_jobs' ? { Reason: 'max_jobs' as const, At: scan.summary.stopped.at } : undefined;
  const cut = !full && !bound && position.cutAt !== undefined ? { Reason: 'max_days' as const, At: iceTime(position.cutAt) } : undefined;
  return {
    Jobs: jobs,
    ...(full ? { NextPageToken: sealPosition(next, boundTo, options.nowMs) } : {}),
    ScannedJobs: next.scanned,
    Matches: next.matched,
    ...(total !== undefined ? { Total: total } : {}),
    Window: { StartOfCreateTime: iceTime(position.from), EndOfCreateTime: iceTime(position.to), Defaulted: !iceFilters.StartOfCreateTime },
    ...(bound ?? cut ? { Stopped: bound ?? cut } : {}),
    Source: sourceSaid(scan.source),
  };
}
