import useSWR from 'swr';
import type { GetJobResponse } from '@/lib/ice/schemas';
import { fetchJson } from './fetch-json';
import { jobApiUrl } from './urls';

export interface UseJobOptions {
  /** The region the job was read in (while the portal reads several): where it is read again. */
  region?: string;
  /** False reads nothing until it turns true, e.g. until a viewer opens a panel. Default: true. */
  enabled?: boolean;
  /** Milliseconds from one answer to the next read, 0 to stop; gets the latest answer. Default: no polling. */
  refreshInterval?: (latest: GetJobResponse | undefined) => number;
  /** Base wait before retrying a failed read, doubled on each retry. Default: SWR's 5 s. */
  errorRetryInterval?: number;
}

const readJob = (url: string) => fetchJson<GetJobResponse>(url);

/**
 * One job as /api answers it. Every reader of a job comes through here, so they share one key, one
 * fetcher and one cached shape: two fetchers under one SWR key would each read the other's answer.
 */
export function useJob(jobId: string, { enabled = true, region, ...swrOptions }: UseJobOptions = {}) {
  // Only the options a caller set are passed: SWR lets an explicit undefined override its default.
  return useSWR<GetJobResponse, Error>(enabled ? jobApiUrl(jobId, region) : null, readJob, swrOptions);
}
