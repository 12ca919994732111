import { jobFromText, jobText, jobTextOnly } from '@/lib/jobs/job-text';
import type { MediaInfoJob } from '@/lib/ice/schemas';

// A job read from stored text writes that very text; any other job is encoded as JSON.stringify would.

it('writes a job read from its text as that text, and any other job as JSON.stringify does', () => {
  const job: MediaInfoJob = { JobId: 'a'.repeat(32), Status: 'Success', SubmitTime: '2026-12-05T10:00:00Z', Name: '剧集 12 "final"' } as MediaInfoJob;
  const text = JSON.stringify(job);
  const read = jobFromText(text);
  expect(read).toEqual(job);
  expect(jobText(read)).toBe(text);
  // A copy is another object: encoded afresh, to the same text.
  expect(jobText({ ...read })).toBe(text);
  const stub = jobTextOnly(job.JobId, job.SubmitTime!, text);
  expect(stub).toEqual({ JobId: job.JobId, SubmitTime: job.SubmitTime });
  expect(jobText(stub)).toBe(text);
});
