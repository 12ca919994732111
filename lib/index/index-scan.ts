import 'server-only';
import { indexLost } from '@/lib/errors';
import { cancelled } from '@/lib/ice/map-failure';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { SearchFilters } from '@/lib/jobs/search-filters';
import { jobFromText, jobTextOnly } from '@/lib/jobs/job-text';
import { scanSummary, scanWindow, type Scan, type ScanFilters, type ScanSource, type ScanSummary } from '@/lib/jobs/scan';
import { log } from '@/lib/log/logger';
import { getIndexConfig } from './index-config';
import type { IndexDb } from './index-db';
import { indexDbIfReady } from './index-runner';
import { searchConditions } from './search-sql';
import { iceTime } from '@/lib/ice/ice-time';

// A scan answered by the job index instead of ICE, when the index holds the whole window: the same
// jobs, in the same create-time order, within the same bounds (the window from scanWindow, SCAN_MAX_JOBS),
// with the same summary, so a search, an export and the insights read it as they read the live scan.
// Cases:
// - the index is off, unreachable, or does not hold the window (its backfill has not reached the start,
//   or the window runs to a time after its last pass and that pass is not recent): the live scan answers;
// - "recent" is within two sync intervals and 30 s, and the answer says when the index last synced;
// - rows are read in pages of ROWS by keyset (created time, then JobId), never by offset, the next page
//   while the last one is handed out;
// - a question the index was chosen for before its scan began (a plan without the scan's bounds, a
//   search's later page: `indexOnly`) is never handed to the live scan, which would read it unbounded:
//   it fails with index_unavailable, and so does any index answer whose page read fails midway;
// - asked to `count`, and when every search filter is said exactly in SQL, the scan's `total` is the
//   exact number of matches in the window, counted beside the first page (as of then: a later sync
//   may add matches; a failed count leaves it unsaid).

const ROWS = 1000;

interface ScanLimits {
  maxDays: number;
  maxJobs: number;
  defaultDays?: number;
  nowMs?: number;
}

/** When the index last synced the region, if it holds [fromMs, toMs] whole (see the cases above). */
async function coveredSince(db: IndexDb, region: string, fromMs: number, toMs: number, nowMs: number, syncSeconds: number): Promise<Date | undefined> {
  const [state] = await db.query<{ backfilled_from: Date | null; high_water: Date | null; last_pass_at: Date | null }>(
    'SELECT backfilled_from, high_water, last_pass_at FROM sync_state WHERE region = $1',
    [region],
  );
  if (!state?.backfilled_from || !state.high_water || !state.last_pass_at || state.backfilled_from.getTime() > fromMs) return undefined;
  const fresh = nowMs - state.last_pass_at.getTime() <= (2 * syncSeconds + 30) * 1000;
  return toMs <= state.high_water.getTime() || fresh ? state.last_pass_at : undefined;
}

/** The index, and when it last synced, if it can answer for [fromMs, toMs] in `region` now: on, open, and holding it whole. */
async function holding(region: string, fromMs: number, toMs: number, nowMs: number): Promise<{ db: IndexDb; syncedAt: Date } | undefined> {
  const config = getIndexConfig();
  const db = config && indexDbIfReady();
  if (!db) return undefined;
  try {
    const syncedAt = await coveredSince(db, region, fromMs, toMs, nowMs, config!.syncSeconds);
    return syncedAt && { db, syncedAt };
  } catch (error) {
    log('warn', 'index_unreadable', { message: (error as Error).message });
    return undefined;
  }
}

/** Whether the index can answer for [fromMs, toMs] in `region` now. */
export const indexHolds = async (region: string, fromMs: number, toMs: number, nowMs = Date.now()): Promise<boolean> => (await holding(region, fromMs, toMs, nowMs)) !== undefined;

export interface IndexRead {
  search?: SearchFilters;
  textOnly?: boolean;
  /** The index was chosen for this question before it began: fail rather than scan ICE. */
  indexOnly?: boolean;
  /** Count the window's matches exactly, when SQL says every filter exactly (the scan's `total`). */
  count?: boolean;
}

/** The index's scan of `filters` in `region`, or `live()` when the index cannot answer it. */
export function indexedScan(filters: ScanFilters, read: IndexRead, limits: ScanLimits, region: string, signal: AbortSignal | undefined, live: () => Scan): Scan {
  const { search, textOnly, indexOnly, count } = read;
  const config = getIndexConfig();
  if (!config) {
    if (indexOnly) throw indexLost();
    return live();
  }
  let chosen: Scan | undefined;
  let summary: ScanSummary | undefined;
  let source: ScanSource | undefined;
  let total: number | undefined;

  async function* iterate(): AsyncGenerator<MediaInfoJob> {
    const nowMs = limits.nowMs ?? Date.now();
    const window = scanWindow(filters, { maxDays: limits.maxDays, defaultDays: limits.defaultDays ?? limits.maxDays, nowMs });
    const held = await holding(region, window.fromMs, window.toMs, nowMs);
    if (!held) {
      if (indexOnly) throw indexLost();
      chosen = live();
      source = { kind: 'ice' };
      yield* chosen;
      return;
    }
    const { db, syncedAt } = held;
    source = { kind: 'index', syncedAt: syncedAt.toISOString() };
    const newestFirst = filters.OrderBy !== 'CreateTimeAsc';
    const [cmp, dir] = newestFirst ? ['<', 'DESC'] : ['>', 'ASC'];
    const where = ['region = $1', 'created_at >= $2', 'created_at <= $3'];
    const params: unknown[] = [region, new Date(window.fromMs), new Date(window.toMs)];
    if (filters.Status) where.push(`status = $${params.push(filters.Status)}`);
    if (filters.JobId) where.push(`job_id = $${params.push(filters.JobId)}`);
    const conditions = searchConditions(search, (value) => `$${params.push(value)}`);
    where.push(...conditions.where);
    let scanned = 0;
    let lastTime: string | undefined;
    type Row = { created_at: Date; job_id: string; job: string };
    // The job's text as stored (json keeps it as written), parsed here and kept for an export to write as is.
    const readRows = (after?: Row) =>
      db.query<Row>(
        `SELECT created_at, job_id, job::text AS job FROM jobs WHERE ${[...where, ...(after ? [`(created_at, job_id) ${cmp} ($${params.length + 1}, $${params.length + 2})`] : [])].join(' AND ')} ORDER BY created_at ${dir}, job_id ${dir} LIMIT ${ROWS}`,
        after ? [...params, after.created_at, after.job_id] : params,
      );
    // A page that fails is said as the index not answering (logged with the database's reason).
    const pageOf = (after?: Row): Promise<Row[]> => {
      const page = readRows(after).catch((error: unknown) => {
        log('warn', 'index_unreadable', { message: (error as Error).message });
        throw indexLost();
      });
      page.catch(() => undefined);
      return page;
    };
    let next: Promise<Row[]> | undefined = pageOf();
    if (count && conditions.exact) {
      // Beside the first page; a count that fails leaves the total unsaid rather than failing the page.
      const counted = await db.query<{ n: string }>(`SELECT count(*) AS n FROM jobs WHERE ${where.join(' AND ')}`, params).catch((error: unknown) => {
        log('warn', 'index_count_failed', { message: (error as Error).message });
        return undefined;
      });
      total = counted ? Number(counted[0]!.n) : undefined;
    }
    while (next) {
      if (signal?.aborted) throw cancelled();
      const rows: Row[] = await next;
      // The next page is read while this one is handed out.
      next = rows.length < ROWS ? undefined : pageOf(rows[rows.length - 1]);
      for (const row of rows) {
        if (scanned >= limits.maxJobs) {
          summary = scanSummary(window, scanned, lastTime ?? iceTime(newestFirst ? window.toMs : window.fromMs));
          return;
        }
        scanned += 1;
        const job = textOnly ? jobTextOnly(row.job_id, iceTime(row.created_at.getTime()), row.job) : jobFromText(row.job);
        lastTime = job.SubmitTime ?? lastTime;
        yield job;
      }
    }
    summary = scanSummary(window, scanned);
  }

  return {
    [Symbol.asyncIterator]: iterate,
    get summary() {
      return chosen ? chosen.summary : summary;
    },
    get source() {
      return source;
    },
    get total() {
      return total;
    },
  };
}
