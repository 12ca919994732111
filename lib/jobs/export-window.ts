import 'server-only';
import { hasSearchFilters } from './list-query';
import { scanWindow, type ScanFilters } from './scan';
import { getScanConfig } from './scan-config';
import { DEFAULT_DAYS } from './search';
import type { SearchFilters } from './search-filters';

// The create-time window an export of the list's filters covers, worked out once for the export itself
// and for the Export control, which says it before the export starts: where it is narrower than what
// the list shows, the control says so rather than leave the reader to find out from the file.
// Without a start, a search covers what the list's search covers (the last DEFAULT_DAYS, as its time
// field says), anything else the last SCAN_MAX_DAYS; a longer range is cut to SCAN_MAX_DAYS.

export interface ExportWindow {
  /** For scanJobs: the bounds that give this window. */
  bounds: { maxDays: number; defaultDays: number; nowMs: number };
  fromMs: number;
  toMs: number;
  /** Why the export covers less than the list: no start given (`default`), or a range longer than SCAN_MAX_DAYS. */
  cut?: 'default' | 'max_days';
  maxDays: number;
}

export function exportWindow(filters: ScanFilters, search: SearchFilters, nowMs = Date.now()): ExportWindow {
  const { maxDays } = getScanConfig();
  const searching = hasSearchFilters(search);
  const bounds = { maxDays, defaultDays: searching ? DEFAULT_DAYS : maxDays, nowMs };
  const window = scanWindow(filters, bounds);
  const cut = window.cutAtMs !== undefined ? 'max_days' : !filters.StartOfCreateTime && !searching ? 'default' : undefined;
  return { bounds, fromMs: window.fromMs, toMs: window.toMs, maxDays, ...(cut ? { cut } : {}) };
}
