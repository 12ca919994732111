import { invalidInput } from '@/lib/errors';
import { EXPORT_PARAMS, FORMAT_PARAM, isExportFormat, JOB_IDS_PARAM, PAGING_PARAMS, type ExportFormat } from './export-query';
import { filterSetOf, REGION_PARAM } from './list-query';
import { parseListQuery, parseRegion, parseSelected } from './parse-list-query';
import type { FilterSet } from './filter-set';

// Reads an export's URL with the list's own parser, so its filters, ICE's and the portal's search
// filters alike, mean exactly what they mean on /jobs and /api/jobs (same names, same 400s). The list's paging names are refused rather than
// ignored: a script that sends NextPageToken expects "from that page on" and would silently get all.

export interface ExportQuery extends FilterSet {
  format: ExportFormat;
  /** Exactly these jobs (JobIds=, a selection on the list), read one by one; the filters are then empty. */
  jobIds?: string[];
}

export function parseExportQuery(params: URLSearchParams): ExportQuery {
  for (const name of PAGING_PARAMS) {
    if (params.has(name)) throw invalidInput(name, 'does not apply to an export, which covers every page of the filters; remove it', { reason: 'not_for_export' });
  }
  const formats = params.getAll(FORMAT_PARAM);
  if (formats.length > 1) throw invalidInput(FORMAT_PARAM, 'is given more than once', { reason: 'repeated' });
  if (!isExportFormat(formats[0])) throw invalidInput(FORMAT_PARAM, 'must be csv or ndjson', { reason: 'one_of', allowed: 'csv, ndjson' });
  const format = formats[0];
  if (params.has(JOB_IDS_PARAM)) {
    const ids = params.getAll(JOB_IDS_PARAM);
    if (ids.length > 1) throw invalidInput(JOB_IDS_PARAM, 'is given more than once', { reason: 'repeated' });
    if (EXPORT_PARAMS.some((name) => name !== JOB_IDS_PARAM && name !== FORMAT_PARAM && name !== REGION_PARAM && params.has(name))) {
      throw invalidInput(JOB_IDS_PARAM, 'exports exactly these jobs; leave out the filters', { reason: 'selection_with_filters' });
    }
    const jobIds = parseSelected(ids[0], JOB_IDS_PARAM);
    if (jobIds.length === 0) throw invalidInput(JOB_IDS_PARAM, 'must be JobIds separated by commas', { reason: 'characters' });
    const region = parseRegion(params);
    return { ...(region ? { region } : {}), filters: {}, search: {}, format, jobIds };
  }
  return { ...filterSetOf(parseListQuery(params)), format };
}
