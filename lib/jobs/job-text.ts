import type { MediaInfoJob } from '@/lib/ice/schemas';

// The JSON text a job was read from, where its source kept it (the job index stores each job as
// JSON.stringify wrote it): an export writes that text as is rather than encoding the object again.
// Only text that JSON.stringify of the same object writes is kept, so the two can never differ.

const texts = new WeakMap<MediaInfoJob, string>();

/** The job parsed from `text`, which JSON.stringify wrote. */
export function jobFromText(text: string): MediaInfoJob {
  const job = JSON.parse(text) as MediaInfoJob;
  texts.set(job, text);
  return job;
}

/** The job as JSON: its kept text, else JSON.stringify's. */
export const jobText = (job: MediaInfoJob): string => texts.get(job) ?? JSON.stringify(job);

/**
 * A job known only by its JobId and SubmitTime, with its whole text kept: for a reader that writes the
 * text and reads nothing else (ScanRun.textOnly), saving the decoding of every document.
 */
export function jobTextOnly(JobId: string, SubmitTime: string, text: string): MediaInfoJob {
  const job = { JobId, SubmitTime } as MediaInfoJob;
  texts.set(job, text);
  return job;
}
