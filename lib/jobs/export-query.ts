// The export's URL, as /api/jobs/export and the list's Export control both write it: the list's filters,
// a Format, and none of the list's paging names. Client-safe and zod-free, like list-query.ts;
// lib/jobs/parse-export-query.ts reads it on the server.
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { REGION_PARAM, SEARCH_PARAMS, SELECT_PARAM, SINCE_PARAM, TRAIL_PARAM } from './list-query';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_PARAM = 'Format';

/** Exactly these jobs, comma-separated (a selection on the list), instead of the filters. */
export const JOB_IDS_PARAM = 'JobIds';

/** An export covers every page, so the list's paging names mean nothing there: refused with a 400. */
export const PAGING_PARAMS = ['PageSize', 'NextPageToken', TRAIL_PARAM] as const;

/** The names an export's URL carries, in the order links write them (audited by value). */
export const EXPORT_PARAMS = [
  REGION_PARAM,
  ...LIST_JOBS_PARAMS.filter((name) => !(PAGING_PARAMS as readonly string[]).includes(name)),
  SINCE_PARAM,
  ...SEARCH_PARAMS,
  JOB_IDS_PARAM,
  FORMAT_PARAM,
];

/** The list's own names that an export does not take: its paging, and its selection (sent as JobIds). */
export const NOT_EXPORTED_PARAMS = [...PAGING_PARAMS, SELECT_PARAM] as const;

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

/** `media-info-jobs_selected-<count>_<when>.<format>`: a selection's file. */
export function selectionFileName(count: number, atIso: string, format: ExportFormat, region?: string): string {
  return `media-info-jobs_${region ? `${region}_` : ''}selected-${count}_${atIso.replace(/[-:]/g, '')}.${format}`;
}

/**
 * `media-info-jobs_[<Region>_]<Status or all>[_<JobId>][_search]_<from>_<to>.<format>`, times in compact UTC
 * (20240701T000000Z): what the file holds, in a name that is safe on every file system. A search's own
 * text is free-form, so only its presence is named.
 */
export function exportFileName(
  filters: { Status?: string; JobId?: string; region?: string },
  window: { from: string; to: string },
  format: ExportFormat,
  searching = false,
): string {
  const compact = (iso: string) => iso.replace(/[-:]/g, '');
  const what = [...(filters.region ? [filters.region] : []), filters.Status ?? 'all', ...(filters.JobId ? [filters.JobId] : []), ...(searching ? ['search'] : [])].join('_');
  return `media-info-jobs_${what}_${compact(window.from)}_${compact(window.to)}.${format}`;
}
