import type { MediaInfoJob } from '@/lib/ice/schemas';

/** Why a job failed, as ICE says it in SubmitResultJson; either part may be missing. */
export interface FailureReason {
  code?: string;
  message?: string;
}

// ICE writes { Code: "Success", Message: "ok" } there for a job that worked too, so only a failed job
// has a failure reason; the detail page and the export both read it here.
export function failureReason(job: MediaInfoJob): FailureReason {
  if (job.Status !== 'Fail') return {};
  const result = job.SubmitResultJson ?? {};
  return {
    code: typeof result.Code === 'string' ? result.Code : undefined,
    message: typeof result.Message === 'string' ? result.Message : undefined,
  };
}
