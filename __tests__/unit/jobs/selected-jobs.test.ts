import { PortalError } from '@/lib/errors';
import type { GetJobResponse } from '@/lib/ice/schemas';
import { selectedJobs } from '@/lib/jobs/selected-jobs';

// A selection's jobs, read one by one, come back in the order given with a few calls in flight, and
// their summary spans their create times.

function fakeIce(delays: Record<string, number>, missing: string[] = []) {
  let inFlight = 0;
  let most = 0;
  return {
    most: () => most,
    getMediaInfoJob: async (JobId: string): Promise<GetJobResponse> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, delays[JobId] ?? 1));
      inFlight -= 1;
      if (missing.includes(JobId)) throw new PortalError('job_not_found', 404, 'No such job');
      return { RequestId: JobId, MediaInfoJob: { JobId, Status: 'Success', SubmitTime: `2026-12-0${JobId.slice(1)}T00:00:00Z` } };
    },
  };
}

it('yields the jobs in the order given, whichever answers first, four at a time at most', async () => {
  const ice = fakeIce({ j1: 30, j2: 5, j3: 1, j4: 20, j5: 1, j6: 1 });
  const scan = selectedJobs(['j3', 'j1', 'j6', 'j2', 'j4', 'j5'], ice, new AbortController().signal);
  const ids: string[] = [];
  for await (const job of scan) ids.push(job.JobId);
  expect(ids).toEqual(['j3', 'j1', 'j6', 'j2', 'j4', 'j5']);
  expect(ice.most()).toBeLessThanOrEqual(4);
  expect(scan.summary).toEqual({ scannedJobs: 6, from: '2026-12-01T00:00:00Z', to: '2026-12-06T00:00:00Z' });
});

it('fails with the error of a job ICE does not have', async () => {
  const scan = selectedJobs(['j1', 'j2'], fakeIce({}, ['j2']), new AbortController().signal);
  const read = async () => {
    for await (const _job of scan);
  };
  await expect(read()).rejects.toMatchObject({ code: 'job_not_found' });
});
