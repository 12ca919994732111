// What the browser needs to know about submits, without zod (the form imports it): the limits, how an
// input's type is read, and what POST /api/jobs and /api/jobs/batch answer. The server's checks live in
// submit-input.ts.
import type { MediaInfoJob } from '@/lib/ice/schemas';

export const MAX_MEDIA = 2048;
export const MAX_NAME = 128;
export const MAX_USER_DATA = 1024;
export const MAX_PIPELINE_ID = 64;
export const MAX_BATCH_LINES = 100;
/** A batch's body: a hundred of the longest inputs, with room for the rest. */
export const BATCH_BODY_BYTES = MAX_BATCH_LINES * MAX_MEDIA + 16_384;
export const INPUT_TYPES = ['OSS', 'Media'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

const MEDIA_ID = /^[0-9a-f]{32}$/;
const URL_INPUT = /^(oss|https?):\/\/\S+$/i;

/** The Type a media value reads as, when it reads as one. */
export function inferInputType(media: string): InputType | undefined {
  const value = media.trim();
  if (URL_INPUT.test(value)) return 'OSS';
  if (MEDIA_ID.test(value)) return 'Media';
  return undefined;
}

/** A form's pipeline and priority fields as the body's ScheduleConfig, left out when both are empty. */
export function scheduleConfigOf(pipelineId: string, priority: string): { ScheduleConfig?: { PipelineId?: string; Priority?: number } } {
  if (!pipelineId.trim() && !priority.trim()) return {};
  return { ScheduleConfig: { ...(pipelineId.trim() ? { PipelineId: pipelineId } : {}), ...(priority.trim() ? { Priority: Number(priority) } : {}) } };
}

export interface SubmitAnswer {
  JobId: string;
  /** ICE's RequestId of the submit call (absent for a duplicate, which made no call). */
  RequestId?: string;
  Region: string;
  /** The same input was submitted by the same person within a minute: this is that job. */
  Deduplicated?: true;
  /** The finished job, for a probe-now. */
  MediaInfoJob?: MediaInfoJob;
}

export interface BatchLineResult {
  /** 1-based, counting the lines that hold an input. */
  Line: number;
  Input: string;
  JobId?: string;
  Deduplicated?: true;
  /** The portal's error for this line, as the API answers errors. */
  Error?: { code: string; message: string; field?: string; requestId?: string; params?: Record<string, string | number> };
}

export interface BatchAnswer {
  BatchId: string;
  Region: string;
  /** The batch's jobs as a list: a search for the batch id from its start. */
  ListUrl: string;
  Submitted: number;
  Failed: number;
  Results: BatchLineResult[];
}
