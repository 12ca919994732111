import { prettyIfJson } from '@/lib/jobs/pretty-json';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { InputType } from './submit-limits';

// What the submit form starts with: nothing, or for a re-run the job's own input and settings, its name
// marked as a re-run (the marker is the caller's, in the reader's language) and its UserData as the form
// shows JSON (pretty).

export interface SubmitPrefill {
  media?: string;
  type?: InputType;
  name?: string;
  userData?: string;
  pipelineId?: string;
  priority?: number;
  region?: string;
  rerunOf?: string;
}

export function rerunPrefill(job: MediaInfoJob, region: string, markName: (name: string) => string, fallbackName: string): SubmitPrefill {
  const type = job.Input?.Type === 'OSS' || job.Input?.Type === 'Media' ? job.Input.Type : undefined;
  const priority = Number(job.ScheduleConfig?.Priority);
  return {
    media: job.Input?.Media ?? '',
    ...(type ? { type } : {}),
    name: markName(job.Name || fallbackName),
    ...(job.UserData ? { userData: prettyIfJson(job.UserData).text } : {}),
    ...(job.ScheduleConfig?.PipelineId ? { pipelineId: job.ScheduleConfig.PipelineId } : {}),
    ...(Number.isInteger(priority) && priority >= 1 && priority <= 10 ? { priority } : {}),
    region,
    rerunOf: job.JobId,
  };
}
