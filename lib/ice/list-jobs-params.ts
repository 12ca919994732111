// The names and values of ListMediaInfoJobs' parameters, without zod: client components (filters,
// pager links) use these, and zod would add about 35 kB gzip to every page that ships them.

export const JOB_STATUSES = ['Init', 'Success', 'Fail'] as const;
export const JOB_ORDERS = ['CreateTimeDesc', 'CreateTimeAsc'] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;

export const LIST_JOBS_PARAMS = ['StartOfCreateTime', 'EndOfCreateTime', 'JobId', 'Status', 'OrderBy', 'PageSize', 'NextPageToken'] as const;

export type ListJobsParam = (typeof LIST_JOBS_PARAMS)[number];

/** The query as URL parameters, in a stable order, without empty values: for links and SWR keys. */
export function listJobsSearchParams(query: Partial<Record<ListJobsParam, string | number | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of LIST_JOBS_PARAMS) {
    const value = query[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}
