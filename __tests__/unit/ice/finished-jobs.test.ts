import { FINISHED_JOB_TTL_MS, finishedJobs } from '@/lib/ice/finished-jobs';
import { getJobResponseSchema, type GetJobResponse } from '@/lib/ice/schemas';
import { memoryStore } from '@/lib/store/memory';

const parse = (body: unknown) => getJobResponseSchema.parse(body);
const answer = (JobId: string, Status: string) => ({
  RequestId: 'F1E2D3C4-0000-4000-8000-000000000001',
  MediaInfoJob: { JobId, Status, Input: { Type: 'OSS', Media: 'oss://bucket/clip.mp4' }, MediaInfoProperty: { FileBasicInfo: { Duration: '12.5' } } },
});

async function kept(Status: string) {
  const store = memoryStore();
  const jobs = finishedJobs(store, 'ice:test', parse);
  const body = answer('job-1', Status);
  await jobs.keep('job-1', body, parse(body));
  return { store, jobs, body };
}

describe('finishedJobs', () => {
  it.each(['Success', 'Fail'])('keeps a job in %s and answers it as ICE did', async (status) => {
    const { jobs, body } = await kept(status);
    expect(await jobs.get('job-1')).toEqual<GetJobResponse>(parse(body));
  });

  it.each(['Init', 'Processing', ''])('never keeps a job in "%s"', async (status) => {
    const { jobs } = await kept(status);
    expect(await jobs.get('job-1')).toBeUndefined();
  });

  it('keeps it for a week, in the cache part of the store', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
    try {
      const { jobs } = await kept('Success');
      jest.advanceTimersByTime(FINISHED_JOB_TTL_MS - 1);
      expect(await jobs.get('job-1')).toBeDefined();
      jest.advanceTimersByTime(1);
      expect(await jobs.get('job-1')).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps nothing when its time to keep is 0 (FINISHED_JOB_CACHE_HOURS=0)', async () => {
    const store = memoryStore();
    const jobs = finishedJobs(store, 'ice:test', parse, 0);
    const body = answer('job-1', 'Success');
    await jobs.keep('job-1', body, parse(body));
    expect(await store.get('ice:test:finished-job:job-1')).toBeUndefined();
    await store.set('ice:test:finished-job:job-1', JSON.stringify(body), { ttlMs: 60_000, cache: true });
    expect(await jobs.get('job-1')).toBeUndefined();
  });

  it('ignores a kept answer that is not the finished job asked for, or not an answer at all', async () => {
    const store = memoryStore();
    const jobs = finishedJobs(store, 'ice:test', parse);
    const write = (value: string) => store.set('ice:test:finished-job:job-1', value, { ttlMs: 60_000, cache: true });
    await write(JSON.stringify(answer('job-2', 'Success')));
    expect(await jobs.get('job-1')).toBeUndefined();
    await write(JSON.stringify(answer('job-1', 'Init')));
    expect(await jobs.get('job-1')).toBeUndefined();
    await write('{"RequestId": "R", "MediaInfoJob": ');
    expect(await jobs.get('job-1')).toBeUndefined();
    await write(JSON.stringify({ RequestId: 'R', MediaInfoJob: { JobId: 'job-1', Status: 'Success', MediaInfoProperty: 'not an object' } }));
    expect(await jobs.get('job-1')).toBeUndefined();
  });

  it('keeps accounts apart: another keyspace does not see the job', async () => {
    const { store } = await kept('Success');
    expect(await finishedJobs(store, 'ice:other-account', parse).get('job-1')).toBeUndefined();
  });
});
