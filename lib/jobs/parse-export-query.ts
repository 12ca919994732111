import { invalidInput } from '@/lib/errors';
import { FORMAT_PARAM, isExportFormat, PAGING_PARAMS, type ExportFormat } from './export-query';
import { parseListQuery } from './parse-list-query';
import type { ScanFilters } from './scan';

// Reads an export's URL with the list's own parser, so its filters mean exactly what they mean on
// /jobs and /api/jobs (same names, same 400s). The list's paging names are refused rather than
// ignored: a script that sends NextPageToken expects "from that page on" and would silently get all.

export interface ExportQuery {
  filters: ScanFilters;
  format: ExportFormat;
}

export function parseExportQuery(search: URLSearchParams): ExportQuery {
  for (const name of PAGING_PARAMS) {
    if (search.has(name)) throw invalidInput(name, 'does not apply to an export, which covers every page of the filters; remove it');
  }
  const { PageSize: _size, NextPageToken: _token, ...filters } = parseListQuery(search).ice;
  const formats = search.getAll(FORMAT_PARAM);
  if (formats.length > 1) throw invalidInput(FORMAT_PARAM, 'is given more than once');
  if (!isExportFormat(formats[0])) throw invalidInput(FORMAT_PARAM, 'must be csv or ndjson');
  return { filters, format: formats[0] };
}
