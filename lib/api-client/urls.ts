// Where the browser finds the portal's JSON API. Hooks in this folder use these as SWR keys, so a key
// is never written by hand and one URL always names one cached answer.
import { FORMAT_PARAM, JOB_IDS_PARAM, NOT_EXPORTED_PARAMS, type ExportFormat } from '@/lib/jobs/export-query';
import { REGION_PARAM } from '@/lib/jobs/list-query';

/** GET /api/jobs/:jobId, one media-info job in ICE's shape, read in `region` when given. */
export function jobApiUrl(jobId: string, region?: string): string {
  return `/api/jobs/${encodeURIComponent(jobId)}${region ? `?${REGION_PARAM}=${encodeURIComponent(region)}` : ''}`;
}

/** GET /api/jobs with the list's query, under the same names as the /jobs page's URL. */
export function jobsApiUrl(search: string | URLSearchParams = ''): string {
  const query = search.toString();
  return query ? `/api/jobs?${query}` : '/api/jobs';
}

/**
 * GET /api/jobs/export: every job the list's filters match, in `format`. Takes the list's own query and
 * drops its paging names, which an export refuses (it covers every page), and its selection.
 */
export function exportApiUrl(listSearch: string | URLSearchParams, format: ExportFormat): string {
  const params = new URLSearchParams(listSearch);
  for (const name of NOT_EXPORTED_PARAMS) params.delete(name);
  params.set(FORMAT_PARAM, format);
  return `/api/jobs/export?${params}`;
}

/** GET /api/jobs/export of exactly these jobs (a selection), in `format`, read in the list's region. */
export function selectionExportApiUrl(jobIds: string[], format: ExportFormat, region?: string): string {
  return `/api/jobs/export?${new URLSearchParams({ ...(region ? { [REGION_PARAM]: region } : {}), [JOB_IDS_PARAM]: jobIds.join(','), [FORMAT_PARAM]: format })}`;
}
