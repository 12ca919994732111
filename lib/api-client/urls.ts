// Where the browser finds the portal's JSON API. Hooks in this folder use these as SWR keys, so a key
// is never written by hand and one URL always names one cached answer.

/** GET /api/jobs/:jobId, one media-info job in ICE's shape. */
export function jobApiUrl(jobId: string): string {
  return `/api/jobs/${encodeURIComponent(jobId)}`;
}

/** GET /api/jobs with the list's query, under the same names as the /jobs page's URL. */
export function jobsApiUrl(search: string | URLSearchParams = ''): string {
  const query = search.toString();
  return query ? `/api/jobs?${query}` : '/api/jobs';
}
