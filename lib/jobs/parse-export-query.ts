import { invalidInput } from '@/lib/errors';
import { FORMAT_PARAM, isExportFormat, PAGING_PARAMS, type ExportFormat } from './export-query';
import { parseListQuery } from './parse-list-query';
import type { ScanFilters } from './scan';
import type { SearchFilters } from './search-filters';

// Reads an export's URL with the list's own parser, so its filters, ICE's and the portal's search
// filters alike, mean exactly what they mean on /jobs and /api/jobs (same names, same 400s). The list's paging names are refused rather than
// ignored: a script that sends NextPageToken expects "from that page on" and would silently get all.

export interface ExportQuery {
  /** What ICE is asked. */
  filters: ScanFilters;
  /** What the portal picks from the scanned jobs. */
  search: SearchFilters;
  format: ExportFormat;
}

export function parseExportQuery(params: URLSearchParams): ExportQuery {
  for (const name of PAGING_PARAMS) {
    if (params.has(name)) throw invalidInput(name, 'does not apply to an export, which covers every page of the filters; remove it');
  }
  const list = parseListQuery(params);
  const { PageSize: _size, NextPageToken: _token, ...filters } = list.ice;
  const formats = params.getAll(FORMAT_PARAM);
  if (formats.length > 1) throw invalidInput(FORMAT_PARAM, 'is given more than once');
  if (!isExportFormat(formats[0])) throw invalidInput(FORMAT_PARAM, 'must be csv or ndjson');
  return { filters, search: list.search, format: formats[0] };
}
