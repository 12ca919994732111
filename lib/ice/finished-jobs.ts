import 'server-only';
import { log } from '@/lib/log/logger';
import type { Store } from '@/lib/store/store';
import { readEntry } from './shared-reads';
import type { GetJobResponse } from './schemas';

// GetMediaInfoJob answers for jobs that are finished (Success or Fail): such a job never changes, so
// its answer is kept and served without an ICE call, by any instance when the store is Redis. Cases:
// - only Success and Fail are kept; Init (or a status ICE may add) is always asked again;
// - in memory the entries share the cache's bound and the least recently read go first; in Redis they
//   live for ttlMs (FINISHED_JOB_CACHE_HOURS, a week by default); 0 keeps none;
// - a kept answer is parsed with GetMediaInfoJob's own schema and must be a finished job with the
//   asked JobId: anything else (a corrupt or foreign entry) is ignored, and ICE is asked.

/** A week by default: long enough that a shared link stays cheap, short enough that Redis does not fill up with jobs nobody opens. */
export const FINISHED_JOB_TTL_MS = 7 * 24 * 3600_000;

const FINISHED = new Set(['Success', 'Fail']);

export const isFinished = (answer: GetJobResponse) => FINISHED.has(answer.MediaInfoJob.Status);

export interface FinishedJobs {
  get(jobId: string): Promise<GetJobResponse | undefined>;
  /** Keeps ICE's answer (as it came) when its job is finished; does nothing otherwise. */
  keep(jobId: string, body: unknown, answer: GetJobResponse): Promise<void>;
}

/** `keyspace` tells ICE accounts apart, so portals of two accounts can share one Redis. */
export function finishedJobs(store: Store, keyspace: string, parse: (body: unknown) => GetJobResponse, ttlMs = FINISHED_JOB_TTL_MS): FinishedJobs {
  const key = (jobId: string) => `${keyspace}:finished-job:${jobId}`;
  if (ttlMs <= 0) return { get: async () => undefined, keep: async () => undefined };
  return {
    async get(jobId) {
      const answer = readEntry(await store.get(key(jobId)), parse);
      if (!answer) return undefined;
      if (answer.MediaInfoJob.JobId === jobId && isFinished(answer)) return answer;
      log('warn', 'store_entry_unreadable', { message: 'a kept job is not the finished job asked for; ICE is asked instead' });
      return undefined;
    },
    async keep(jobId, body, answer) {
      if (answer.MediaInfoJob.JobId === jobId && isFinished(answer)) {
        await store.set(key(jobId), JSON.stringify(body), { ttlMs, cache: true });
      }
    },
  };
}
