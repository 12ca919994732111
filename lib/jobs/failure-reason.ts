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

// An object name may hold spaces ("oss://b/Spring Sale/cover.jpg: …"): a URL or a path runs on to a
// later word that ends in a file extension, when one comes before a colon, a space or the end.
const RUNS_TO_EXTENSION = String.raw`(?:(?:\s\S+)*?\s\S*\.[a-z0-9]{2,5}(?=[:;,]?(?:\s|$)))?`;
// Punctuation after a name ("…/a.mp4: Invalid data") is the message's, not the name's.
const URL_IN_MESSAGE = new RegExp(String.raw`\b(?:https?|oss|rtmp|s3):\/\/\S*[^\s:;,.]` + RUNS_TO_EXTENSION, 'gi');
const PATH_IN_MESSAGE = new RegExp(String.raw`(?:^|(?<=\s))\/\S*[^\s:;,.]` + RUNS_TO_EXTENSION, 'gi');

/**
 * Ids, object paths, URLs and numbers say which job, not why it failed: they become placeholders so
 * "…oss://bucket/a.mp4" and "…oss://bucket/b.mp4" are one group. URLs first, then paths, then hex ids
 * (16+ hex digits), then any other number standing alone (the 4 of mp4 and the 264 of h264 stay).
 */
export function normaliseMessage(message: string): string {
  return message
    .replace(URL_IN_MESSAGE, '<url>')
    .replace(PATH_IN_MESSAGE, '<path>')
    .replace(/\b[0-9a-f]{16,}\b/gi, '<id>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<id>')
    .replace(/\b\d+(?:\.\d+)?\b/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}
