import 'server-only';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { toPortalError } from '@/lib/errors';
import type { IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { IndexDb } from './index-db';
import { upsertJobs } from './indexed-jobs';
import { iceTime } from '@/lib/ice/ice-time';

// One pass of the index's sync for one region, the only writer of its rows. A pass runs on one instance
// at a time (an advisory lock per region: another instance's pass answers `locked` at once), and:
// 1. backfills, newest slice first, the create-time slices of the last `backfillDays` it has not read
//    yet; a slice is recorded as done only once all its pages are written, so a pass stopped anywhere
//    (a kill, a deploy) resumes at the slice it was in, and reading a page twice leaves one row a job;
// 2. reads what was created since the high-water mark of the last pass, less `overlapSeconds` (ICE's
//    create times have second resolution, and a job may be listed a moment after its create time), and
//    moves the mark to the time this pass began;
// 3. reads again, one by one, the jobs the index still holds in Init that step 2 did not cover, until
//    they are final;
// 4. drops the jobs created more than `retentionDays` ago.
// Every ICE call waits its turn at `qps` calls a second; a throttled call waits `throttleBackoffMs` and
// is made again (the ICE client has already retried it a little). A failure ends the pass, is recorded
// in sync_state.last_error, and the next pass goes on from where this one stopped.

export interface SyncOptions {
  region: string;
  ice: Pick<IceClient, 'listMediaInfoJobs' | 'getMediaInfoJob'>;
  /** How far back the index reaches. Default 31 days. */
  backfillDays?: number;
  /** The length of one backfill slice. Default 6 hours. */
  sliceMs?: number;
  /** ICE calls a second, at most. Default 20. */
  qps?: number;
  /** How far before the high-water mark an incremental pass starts reading. Default 120 s. */
  overlapSeconds?: number;
  /** Rows kept this long after their create time; older ones are dropped. Default: backfillDays. */
  retentionDays?: number;
  /** How long to wait after a throttled call before making it again. Default 2 s. */
  throttleBackoffMs?: number;
  /** Backfill slices one pass reads at most (the rest wait for the next pass). Default: all. */
  maxSlices?: number;
  now?: () => number;
  signal?: AbortSignal;
}

export interface PassReport {
  /** `locked`: another instance's pass holds the region. */
  outcome: 'done' | 'locked' | 'failed';
  slicesRead: number;
  jobsWritten: number;
  unfinishedReread: number;
  dropped: number;
  calls: number;
  error?: string;
}

interface SyncState {
  backfilled_from: Date | null;
  backfill_next: Date | null;
  high_water: Date | null;
}

const DAY_MS = 86_400_000;
const PAGE_SIZE = 100;
const THROTTLE_RETRIES = 5;

/** The lock of one region's pass: a 31-bit key from the region's name. */
export const syncLockOf = (region: string) => createHash('sha256').update(`ice-portal index sync ${region}`).digest().readInt32BE(0);

export async function syncPass(db: IndexDb, options: SyncOptions): Promise<PassReport> {
  const report: PassReport = { outcome: 'done', slicesRead: 0, jobsWritten: 0, unfinishedReread: 0, dropped: 0, calls: 0 };
  const locked = await db.withLock(syncLockOf(options.region), () => runPass(db, options, report));
  if (!locked.ran) return { ...report, outcome: 'locked' };
  return report;
}

async function runPass(db: IndexDb, options: SyncOptions, report: PassReport): Promise<void> {
  const { region, ice, signal } = options;
  const now = options.now ?? Date.now;
  const backfillDays = options.backfillDays ?? 31;
  const sliceMs = options.sliceMs ?? 6 * 3600_000;
  const overlapMs = (options.overlapSeconds ?? 120) * 1000;
  const minIntervalMs = 1000 / (options.qps ?? 20);
  const startedMs = now();
  let lastCallMs = -Infinity;

  /** One ICE call in its turn, made again after a throttling. */
  const call = async <T>(make: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const wait = lastCallMs + minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      lastCallMs = Date.now();
      report.calls += 1;
      try {
        return await make();
      } catch (error) {
        if (toPortalError(error).code !== 'upstream_throttled' || attempt >= THROTTLE_RETRIES) throw error;
        await sleep(options.throttleBackoffMs ?? 2000, undefined, { signal });
      }
    }
  };

  /** Every job created in [fromMs, toMs], written page by page; the JobIds read. */
  const readWindow = async (fromMs: number, toMs: number): Promise<Set<string>> => {
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await call(() =>
        ice.listMediaInfoJobs(
          { StartOfCreateTime: iceTime(fromMs), EndOfCreateTime: iceTime(toMs), PageSize: PAGE_SIZE, OrderBy: 'CreateTimeAsc', ...(token ? { NextPageToken: token } : {}) },
          { signal, scan: true },
        ),
      );
      report.jobsWritten += await upsertJobs(db, region, page.Jobs);
      for (const job of page.Jobs) seen.add(job.JobId);
      token = page.NextPageToken;
    } while (token);
    return seen;
  };

  try {
    await db.query('INSERT INTO sync_state (region) VALUES ($1) ON CONFLICT (region) DO NOTHING', [region]);
    const [state] = await db.query<SyncState>('SELECT backfilled_from, backfill_next, high_water FROM sync_state WHERE region = $1', [region]);
    const oldestMs = startedMs - backfillDays * DAY_MS;

    // 1. Backfill, newest first. The first pass starts it at its own start, and the incremental read
    //    takes over from there.
    let highWaterMs = state?.high_water?.getTime();
    let nextMs = state?.backfill_next?.getTime() ?? startedMs;
    if (highWaterMs === undefined) {
      highWaterMs = startedMs;
      await db.query('UPDATE sync_state SET high_water = $2, backfill_next = $2 WHERE region = $1', [region, new Date(startedMs)]);
    }
    for (let slices = 0; nextMs > oldestMs && slices < (options.maxSlices ?? Infinity); slices++) {
      const fromMs = Math.max(oldestMs, nextMs - sliceMs);
      await readWindow(fromMs, nextMs);
      nextMs = fromMs;
      report.slicesRead += 1;
      await db.query('UPDATE sync_state SET backfill_next = $2, backfilled_from = $2 WHERE region = $1', [region, new Date(nextMs)]);
    }

    // 2. What is new since the last pass (the first pass's own start, for the first pass).
    const windowFromMs = highWaterMs - overlapMs;
    const seen = highWaterMs < startedMs ? await readWindow(windowFromMs, startedMs) : new Set<string>();
    await db.query('UPDATE sync_state SET high_water = $2 WHERE region = $1', [region, new Date(startedMs)]);

    // 3. Jobs still in Init that step 2 did not read: asked one by one until they are final.
    const unfinished = await db.query<{ job_id: string }>("SELECT job_id FROM jobs WHERE region = $1 AND status = 'Init' ORDER BY created_at", [region]);
    for (const { job_id: jobId } of unfinished) {
      if (seen.has(jobId)) continue;
      let job: MediaInfoJob | undefined;
      try {
        job = (await call(() => ice.getMediaInfoJob(jobId, { signal }))).MediaInfoJob;
      } catch (error) {
        // A job ICE no longer has ages out with the rest; anything else ends the pass.
        if (toPortalError(error).code !== 'job_not_found') throw error;
      }
      if (job) report.unfinishedReread += await upsertJobs(db, region, [job]);
    }

    // 4. Retention.
    const retentionMs = (options.retentionDays ?? backfillDays) * DAY_MS;
    report.dropped = (await db.query<{ job_id: string }>('DELETE FROM jobs WHERE region = $1 AND created_at < $2 RETURNING job_id', [region, new Date(startedMs - retentionMs)])).length;
    await db.query('UPDATE sync_state SET last_pass_at = $2, last_error = NULL WHERE region = $1', [region, new Date(now())]);
  } catch (error) {
    report.outcome = 'failed';
    // A stop asked for (a shutdown) is no failure of ICE's or the database's.
    report.error = signal?.aborted ? 'the pass was stopped before its end' : toPortalError(error).message;
    await db.query('UPDATE sync_state SET last_error = $2 WHERE region = $1', [region, report.error]).catch(() => undefined);
  }
}
