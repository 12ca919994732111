import 'server-only';
import type { IceClient } from '@/lib/ice/client';
import { cancelled } from '@/lib/ice/map-failure';
import type { ListJobsQuery, MediaInfoJob } from '@/lib/ice/schemas';
import type { FilterSet } from './filter-set';
import { iceTime } from '@/lib/ice/ice-time';

// The one walk over every page of a filter set, for search, export and the insights that follow.
// ICE pages with a token chain, which cannot be parallelised; a create-time range can be, so the range
// is cut into slices walked at once, each its own chain. Cases handled:
// - order: slices are read ahead at once but yielded one after the other, in the requested order;
// - speed: CONCURRENCY pages are in flight while the reader keeps up, and the slice being read goes
//   first; slices are more than the calls in flight, since jobs bunch (a busy week holds most of them);
// - memory: all slices together hold at most BUDGET_PAGES pages ahead of the reader (the slice being
//   read READ_AHEAD_PAGES more), so a scan holds a few pages whatever the number of matches;
// - abort: the caller's AbortSignal stops every slice within the page in flight, and no new call starts;
// - sharing: identical scans in flight read one upstream walk (SharedWalk below), unless a scan says it
//   must not share: a reader that a remote client paces (an export) could hold the others back;
// - budget: each page call first waits for the caller's `pace` (a person's scan budget);
// - boundaries: ICE's time filters are whole seconds and inclusive at both ends, so a slice asks up to
//   and including its end second and keeps only jobs submitted before it; the next slice has them;
// - bounds: at most maxDays of create time (a longer range is cut where the scan order would pass it)
//   and at most maxJobs jobs; the summary says the scan stopped, why, and the create time it reached;
// - no time range: the last defaultDays, said in the summary like any range.

export const PAGE_SIZE = 100;
/** Pages the slice being read may hold ahead of the reader, beyond the shared budget. */
const READ_AHEAD_PAGES = 2;
/** Pages all slices together may hold ahead of the reader. */
export const BUDGET_PAGES = 16;
/** Calls in flight for one scan: half the client's default cap, so pages stay responsive meanwhile. */
export const CONCURRENCY = 4;
const DAY_MS = 86_400_000;

/** ICE's part of a filter set: what a scan asks ICE for. */
export type ScanFilters = FilterSet['filters'];

export interface ScanOptions {
  filters: ScanFilters;
  /** Where the walk reads pages: the process's ICE client in the portal, any client in tests. */
  client: Pick<IceClient, 'listMediaInfoJobs'>;
  /** Stops the walk: a closed tab, a cancelled download. */
  signal?: AbortSignal;
  /** Slices the range is cut into (CONCURRENCY of them are read at once). Default 24. */
  slices?: number;
  /** The most create-time days one scan covers (SCAN_MAX_DAYS). Default 31. */
  maxDays?: number;
  /** The most jobs one scan yields (SCAN_MAX_JOBS). Default 50,000. */
  maxJobs?: number;
  /** The window when the filters give no start: the last this many days. Default: maxDays. */
  defaultDays?: number;
  /** Now, for the default window and for tests. */
  nowMs?: number;
  /** Awaited before each page call: the budget of the person the scan works for (scan-budget.ts). */
  pace?: (signal: AbortSignal) => Promise<void>;
  /**
   * Whether identical scans in flight may read one walk. Default true. An export says false: its
   * reader goes at its client's pace, and a walk waits for its slowest reader.
   */
  share?: boolean;
}

export interface ScanSummary {
  /** Jobs yielded. */
  scannedJobs: number;
  /** The create-time range the scan covered (ICE's format, inclusive). */
  from: string;
  to: string;
  /** Set when the scan ended before the whole filter set was read. */
  stopped?: { reason: 'max_jobs' | 'max_days'; at: string };
}

/** Where a scan's jobs came from: ICE's pages, or the job index (lib/index), synced at `syncedAt`. */
export type ScanSource = { kind: 'ice' } | { kind: 'index'; syncedAt: string };

/** Which source answered, in the API's names, for every answer built on a scan (search, export, insights). */
export function sourceSaid(source: ScanSource | undefined): { Kind: 'ice' } | { Kind: 'index'; SyncedAt: string } {
  return source?.kind === 'index' ? { Kind: 'index', SyncedAt: source.syncedAt } : { Kind: 'ice' };
}

export interface Scan extends AsyncIterable<MediaInfoJob> {
  /** Known once the iteration has ended (or stopped at a bound). */
  readonly summary: ScanSummary | undefined;
  /** Known once the iteration has begun; absent for ICE's own walk. */
  readonly source?: ScanSource;
  /** The exact number of matches in the window, known once the iteration has begun, when the source can count them (the job index). */
  readonly total?: number;
}

interface Window {
  fromMs: number;
  toMs: number;
  /** The part of the asked range beyond maxDays that the scan will not cover, if any. */
  cutAtMs?: number;
}

/**
 * How a scan of `window` ended after `scanned` jobs: stopped at SCAN_MAX_JOBS at the create time
 * `maxJobsAt`, or cut where SCAN_MAX_DAYS cut the window, or whole.
 */
export function scanSummary(window: Window, scanned: number, maxJobsAt?: string): ScanSummary {
  const stopped = maxJobsAt !== undefined ? { reason: 'max_jobs' as const, at: maxJobsAt } : window.cutAtMs !== undefined ? { reason: 'max_days' as const, at: iceTime(window.cutAtMs) } : undefined;
  return { scannedJobs: scanned, from: iceTime(window.fromMs), to: iceTime(window.toMs), ...(stopped ? { stopped } : {}) };
}

/** The range to walk: the filters' own, the default window, and the maxDays bound in scan order. */
export function scanWindow(filters: ScanFilters, options: { maxDays: number; defaultDays: number; nowMs: number }): Window {
  const toMs = filters.EndOfCreateTime ? Date.parse(filters.EndOfCreateTime) : Math.floor(options.nowMs / 1000) * 1000;
  const fromMs = filters.StartOfCreateTime ? Date.parse(filters.StartOfCreateTime) : toMs - options.defaultDays * DAY_MS;
  const maxMs = options.maxDays * DAY_MS;
  if (toMs - fromMs <= maxMs) return { fromMs, toMs };
  // Newest first keeps the newest maxDays; oldest first the oldest.
  return filters.OrderBy === 'CreateTimeAsc' ? { fromMs, toMs: fromMs + maxMs, cutAtMs: fromMs + maxMs } : { fromMs: toMs - maxMs, toMs, cutAtMs: toMs - maxMs };
}

/** Slices of [fromMs, toMs] on whole seconds, in scan order. */
export function sliceWindow(window: Window, count: number, newestFirst: boolean): { fromMs: number; toMs: number; last: boolean }[] {
  const spanS = Math.max(0, Math.floor((window.toMs - window.fromMs) / 1000));
  const n = Math.max(1, Math.min(count, spanS));
  const edges = Array.from({ length: n + 1 }, (_, i) => window.fromMs + Math.floor((spanS * i) / n) * 1000);
  edges[n] = window.toMs;
  const slices = edges.slice(0, -1).map((fromMs, i) => ({ fromMs, toMs: edges[i + 1]!, last: i === n - 1 }));
  return newestFirst ? slices.reverse() : slices;
}

/** What the slices of one walk share: the slice being read, pages held ahead, and calls in flight. */
class Pacing {
  current = 0;
  buffered = 0;
  inFlight = 0;
  private waiters: (() => void)[] = [];

  /** Whether slice `index`, holding `held` pages, may start reading its next page now. */
  mayRead(index: number, held: number): boolean {
    if (this.inFlight >= CONCURRENCY) return false;
    return index === this.current ? held < READ_AHEAD_PAGES : this.buffered < BUDGET_PAGES;
  }

  wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }

  notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** One slice's token chain, read ahead as far as the walk's pacing allows. */
function walkSlice(options: ScanOptions, slice: { fromMs: number; toMs: number; last: boolean }, index: number, pacing: Pacing, stop: AbortSignal) {
  const pages: MediaInfoJob[][] = [];
  let done = false;
  let failure: unknown;

  const { StartOfCreateTime: _s, EndOfCreateTime: _e, ...filters } = options.filters;
  const query: ListJobsQuery = { ...filters, StartOfCreateTime: iceTime(slice.fromMs), EndOfCreateTime: iceTime(slice.toMs), PageSize: PAGE_SIZE };
  // Jobs submitted in the end second belong to the next slice, which starts there (ICE's ends are inclusive).
  const inSlice = (job: MediaInfoJob) => slice.last || !job.SubmitTime || Date.parse(job.SubmitTime) < slice.toMs;

  void (async () => {
    try {
      let token: string | undefined;
      do {
        while (!pacing.mayRead(index, pages.length) && !stop.aborted) await pacing.wait();
        if (stop.aborted) break;
        // Counted in flight while it waits for the budget, so no other slice passes mayRead meanwhile.
        pacing.inFlight += 1;
        let page;
        try {
          await options.pace?.(stop);
          page = await options.client.listMediaInfoJobs({ ...query, NextPageToken: token }, { signal: stop, scan: true });
        } finally {
          pacing.inFlight -= 1;
        }
        pages.push(page.Jobs.filter(inSlice));
        pacing.buffered += 1;
        pacing.notify();
        token = page.NextPageToken;
      } while (token);
    } catch (error) {
      failure = error;
    } finally {
      done = true;
      pacing.notify();
    }
  })();

  return {
    /** The next page, or undefined at the end; throws what the walk failed with. */
    async next(): Promise<MediaInfoJob[] | undefined> {
      for (;;) {
        if (pages.length > 0) {
          pacing.buffered -= 1;
          pacing.notify();
          return pages.shift()!;
        }
        if (failure) throw failure;
        if (done) return undefined;
        await pacing.wait();
      }
    },
  };
}

/**
 * One upstream walk and the scans reading it. Identical scans (same client, filters, window and bounds)
 * that start while a walk is still at its beginning join it instead of starting their own, like reads
 * are coalesced; each reads at its own pace, the walk keeps at most MAX_LAG jobs between its fastest
 * and slowest reader, and it stops its upstream calls when its last reader leaves.
 */
class SharedWalk {
  private buffer: MediaInfoJob[] = [];
  /** Index in the whole stream of buffer[0]. */
  private base = 0;
  private readonly readers = new Set<Reader>();
  private waiting: (() => void)[] = [];
  private pulling: Promise<void> | undefined;
  private ended = false;
  private failure: unknown;
  summary: ScanSummary | undefined;

  constructor(
    private readonly source: AsyncGenerator<MediaInfoJob>,
    private readonly sourceSummary: () => ScanSummary | undefined,
    private readonly stop: AbortController,
    private readonly onIdle: () => void,
  ) {}

  /** Joining is possible while nothing has been dropped: a late reader would miss the start. */
  get joinable(): boolean {
    return this.base === 0 && !this.ended && !this.stop.signal.aborted;
  }

  join(signal: AbortSignal | undefined): Reader {
    const reader: Reader = { next: 0, signal };
    this.readers.add(reader);
    return reader;
  }

  leave(reader: Reader): void {
    this.readers.delete(reader);
    if (this.readers.size === 0) {
      this.stop.abort();
      this.onIdle();
    } else this.trim();
  }

  async read(reader: Reader): Promise<IteratorResult<MediaInfoJob>> {
    for (;;) {
      if (reader.signal?.aborted) throw cancelled();
      const at = reader.next - this.base;
      if (at < this.buffer.length) {
        reader.next += 1;
        const job = this.buffer[at]!;
        this.trim();
        return { value: job, done: false };
      }
      if (this.failure) throw this.failure;
      if (this.ended) return { value: undefined, done: true };
      // Too far ahead of the slowest reader: wait for it, so memory stays flat.
      const wait = this.buffer.length >= MAX_LAG ? new Promise<void>((r) => this.waiting.push(r)) : this.pull();
      await untilAborted(wait, reader.signal);
    }
  }

  private pull(): Promise<void> {
    this.pulling ??= this.source.next().then(
      (result) => {
        if (result.done) {
          this.ended = true;
          this.summary = this.sourceSummary();
        } else this.buffer.push(result.value);
      },
      (error: unknown) => {
        this.failure = error;
      },
    ).finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  private trim(): void {
    const slowest = Math.min(...[...this.readers].map((r) => r.next));
    if (slowest > this.base) {
      this.buffer.splice(0, slowest - this.base);
      this.base = slowest;
      for (const wake of this.waiting.splice(0)) wake();
    }
  }
}

interface Reader {
  /** Index in the whole stream of the next job this reader gets. */
  next: number;
  signal?: AbortSignal;
}

/**
 * `wait`, ended early when `signal` aborts. Not Promise.race with one promise of the abort: each race
 * leaves a reaction on that promise until it settles, one per wait, which over an export of 100,000
 * jobs held tens of megabytes.
 */
function untilAborted(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return wait;
  // A listener added to a signal that has already aborted would never run.
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    wait.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const MAX_LAG = READ_AHEAD_PAGES * PAGE_SIZE;
const walksInFlight = new WeakMap<object, Map<string, SharedWalk>>();

export function scanJobs(options: ScanOptions): Scan {
  const maxDays = options.maxDays ?? 31;
  const window = scanWindow(options.filters, { maxDays, defaultDays: options.defaultDays ?? maxDays, nowMs: options.nowMs ?? Date.now() });
  const newestFirst = options.filters.OrderBy !== 'CreateTimeAsc';
  const slices = sliceWindow(window, options.slices ?? 24, newestFirst);
  const maxJobs = options.maxJobs ?? 50_000;
  const key = JSON.stringify([options.filters, window, slices.length, maxJobs]);
  let summary: ScanSummary | undefined;

  /** The walk itself: every slice read ahead at once, yielded in order, bounded by maxJobs. */
  async function* walkAll(stop: AbortSignal): AsyncGenerator<MediaInfoJob> {
    const pacing = new Pacing();
    stop.addEventListener('abort', () => pacing.notify(), { once: true });
    const walks = slices.map((slice, index) => walkSlice(options, slice, index, pacing, stop));
    let scanned = 0;
    let lastTime: string | undefined;
    try {
      for (const [index, walk] of walks.entries()) {
        pacing.current = index;
        pacing.notify();
        for (let page = await walk.next(); page; page = await walk.next()) {
          for (const job of page) {
            if (scanned >= maxJobs) {
              summary = scanSummary(window, scanned, lastTime ?? iceTime(newestFirst ? window.toMs : window.fromMs));
              return;
            }
            scanned += 1;
            lastTime = job.SubmitTime ?? lastTime;
            yield job;
          }
        }
      }
      summary = scanSummary(window, scanned);
    } catch (error) {
      throw stop.aborted ? cancelled() : error;
    }
  }

  function sharedWalk(): SharedWalk {
    const stop = new AbortController();
    if (options.share === false) return new SharedWalk(walkAll(stop.signal), () => summary, stop, () => undefined);
    let walks = walksInFlight.get(options.client);
    if (!walks) walksInFlight.set(options.client, (walks = new Map()));
    const running = walks.get(key);
    if (running?.joinable) return running;
    const walk: SharedWalk = new SharedWalk(walkAll(stop.signal), () => summary, stop, () => {
      if (walks.get(key) === walk) walks.delete(key);
    });
    walks.set(key, walk);
    return walk;
  }

  let shared: SharedWalk | undefined;
  async function* iterate(): AsyncGenerator<MediaInfoJob> {
    if (options.signal?.aborted) throw cancelled();
    shared = sharedWalk();
    const reader = shared.join(options.signal);
    try {
      for (let result = await shared.read(reader); !result.done; result = await shared.read(reader)) {
        yield result.value;
      }
    } finally {
      shared.leave(reader);
    }
  }

  return {
    [Symbol.asyncIterator]: iterate,
    get summary() {
      return shared?.summary;
    },
  };
}
