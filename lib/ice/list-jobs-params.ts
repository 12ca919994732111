// ICE's ListMediaInfoJobs parameters: their names and allowed values, without zod, since the list's
// filters use them in the browser and zod would add about 35 kB gzip to every page that ships them.

export const JOB_STATUSES = ['Init', 'Success', 'Fail'] as const;
export const JOB_ORDERS = ['CreateTimeDesc', 'CreateTimeAsc'] as const;
export const MAX_PAGE_SIZE = 100;

export const LIST_JOBS_PARAMS = ['StartOfCreateTime', 'EndOfCreateTime', 'JobId', 'Status', 'OrderBy', 'PageSize', 'NextPageToken'] as const;

export type ListJobsParam = (typeof LIST_JOBS_PARAMS)[number];

