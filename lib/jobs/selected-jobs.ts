import 'server-only';
import type { IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { Scan, ScanSummary } from './scan';
import { iceTime } from '@/lib/ice/ice-time';

// A selection's jobs (JobIds= on an export), read one by one with GetMediaInfoJob, a few at a time and
// yielded in the order given: the same shape as a scan, so an export writes either the same way. A
// finished job is served from the kept answers, with no ICE call. The summary's window is the span of
// the jobs' create times.

/** GetMediaInfoJob calls in flight for one selection. */
const IN_FLIGHT = 4;

export function selectedJobs(jobIds: string[], client: Pick<IceClient, 'getMediaInfoJob'>, signal: AbortSignal): Scan {
  let summary: ScanSummary | undefined;
  async function* read(): AsyncGenerator<MediaInfoJob> {
    const pending = new Map<number, Promise<MediaInfoJob>>();
    const fetch = (index: number) => {
      const job = client.getMediaInfoJob(jobIds[index]!, { signal }).then((answer) => answer.MediaInfoJob);
      job.catch(() => undefined); // awaited in order below; a rejection read early must not go unhandled
      pending.set(index, job);
    };
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < Math.min(IN_FLIGHT, jobIds.length); index++) fetch(index);
    for (let index = 0; index < jobIds.length; index++) {
      const job = await pending.get(index)!;
      pending.delete(index);
      if (index + IN_FLIGHT < jobIds.length) fetch(index + IN_FLIGHT);
      const at = job.SubmitTime ? Date.parse(job.SubmitTime) : Number.NaN;
      if (!Number.isNaN(at)) [first, last] = [Math.min(first, at), Math.max(last, at)];
      yield job;
    }
    const now = Date.now();
    summary = { scannedJobs: jobIds.length, from: iceTime(Number.isFinite(first) ? first : now), to: iceTime(Number.isFinite(last) ? last : now) };
  }
  return {
    [Symbol.asyncIterator]: read,
    get summary() {
      return summary;
    },
  };
}
