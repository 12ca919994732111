import useSWR from 'swr';
import type { ListJobsResponse } from '@/lib/ice/schemas';
import type { JobRow } from '@/lib/jobs/job-summary';
import { fetchJson } from './fetch-json';
import { jobsApiUrl } from './urls';

export interface UseJobRowsOptions {
  /** The list's query string; undefined on pages past the first, which do not refresh. */
  liveQuery: string | undefined;
  /** The rows the server rendered: shown at once, and kept while a refresh fails. */
  initialRows: JobRow[];
  /** How often to look for new jobs and status changes; SWR pauses in hidden tabs. Default: 10 s. */
  refreshInterval?: number;
}

const LIVE_REFRESH_MS = 10_000;

// Rows, not ICE's page, are cached under this key: summarised once per answer, the same way the server did.
// The summary's and the checks' code load with the first refresh, not with the page: the server's rows
// come summarised, with their findings (the page's first-load JavaScript, docs/benchmarks.md).
const readJobRows = async (url: string) => {
  const [page, { summarizeJob }, { checkJob }] = await Promise.all([fetchJson<ListJobsResponse>(url), import('@/lib/jobs/job-summary'), import('@/lib/checks/media-checks')]);
  return page.Jobs.map((job) => summarizeJob(job, checkJob));
};

/** The first page of the list, kept live; the server's rows stand until the first refresh answers. */
export function useJobRows({ liveQuery, initialRows, refreshInterval = LIVE_REFRESH_MS }: UseJobRowsOptions) {
  return useSWR<JobRow[], Error>(liveQuery === undefined ? null : jobsApiUrl(liveQuery), readJobRows, {
    fallbackData: initialRows,
    revalidateOnMount: false,
    refreshInterval,
    keepPreviousData: true,
  });
}
