// The export's URL, as /api/jobs/export and the list's Export control both write it: the list's filters,
// a Format, and none of the list's paging names. Client-safe and zod-free, like list-query.ts;
// lib/jobs/parse-export-query.ts reads it on the server.
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { SEARCH_PARAMS, TRAIL_PARAM } from './list-query';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_PARAM = 'Format';

/** An export covers every page, so the list's paging names mean nothing there: refused with a 400. */
export const PAGING_PARAMS = ['PageSize', 'NextPageToken', TRAIL_PARAM] as const;

/** The names an export's URL carries, in the order links write them (audited by value). */
export const EXPORT_PARAMS = [...LIST_JOBS_PARAMS.filter((name) => !(PAGING_PARAMS as readonly string[]).includes(name)), ...SEARCH_PARAMS, FORMAT_PARAM];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

/**
 * How the last CSV row begins when a bound (SCAN_MAX_JOBS, SCAN_MAX_DAYS) stopped the export: a CSV
 * cannot carry a trailer once it streams, so the note is a row of its own, in the JobId column.
 */
export const STOPPED_ROW_PREFIX = '# stopped';

export function isExportFormat(value: string | null | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | null | undefined)[]).includes(value);
}

/**
 * `media-info-jobs_<Status or all>[_<JobId>][_search]_<from>_<to>.<format>`, times in compact UTC
 * (20240701T000000Z): what the file holds, in a name that is safe on every file system. A search's own
 * text is free-form, so only its presence is named.
 */
export function exportFileName(
  filters: { Status?: string; JobId?: string },
  window: { from: string; to: string },
  format: ExportFormat,
  searching = false,
): string {
  const compact = (iso: string) => iso.replace(/[-:]/g, '');
  const what = [filters.Status ?? 'all', ...(filters.JobId ? [filters.JobId] : []), ...(searching ? ['search'] : [])].join('_');
  return `media-info-jobs_${what}_${compact(window.from)}_${compact(window.to)}.${format}`;
}
