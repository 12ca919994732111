import 'server-only';
import { iceClient } from '@/lib/ice/client';
import { log } from '@/lib/log/logger';
import { exportJobs } from './export';
import { takeExportSlot } from './export-slots';
import { EXPORT_CONTENT_TYPES, exportFileName } from './export-query';
import { hasSearchFilters } from './list-query';
import type { ExportQuery } from './parse-export-query';
import { getScanConfig } from './scan-config';
import { scanWindow } from './scan';
import { scanPace } from './scan-budget';
import { DEFAULT_DAYS } from './search';
import { matchesSearch } from './search-filters';

// An export as the API sends it: one of the person's and the instance's few export slots, the scan
// within the configured bounds, paced by the person's scan budget and never sharing its walk (its
// reader goes at its client's pace), ended when its reader stalls, the headers that say what the file
// holds, and one log line when it ends (the audit line is written when it starts, so this is where
// operators see how a long download finished).

export interface ExportDownload {
  stream: ReadableStream<Uint8Array>;
  headers: Record<string, string>;
}

export interface ExportRequest {
  signal: AbortSignal;
  requestId: string;
  /** Whose export it is (lib/auth/access.ts userKey): their export slots and scan budget. */
  userKey: string;
}

export async function startExportDownload({ filters, search, format }: ExportQuery, options: ExportRequest): Promise<ExportDownload> {
  const { maxDays, maxJobs, exportsPerUser, exportsPerInstance, exportIdleMs } = getScanConfig();
  const release = takeExportSlot(options.userKey, { perUser: exportsPerUser, perInstance: exportsPerInstance });
  const searching = hasSearchFilters(search);
  // One now for the scan and the headers, so the window they state is the one walked. Without a start,
  // a search covers what the list's search covers (the last DEFAULT_DAYS), anything else SCAN_MAX_DAYS.
  const nowMs = Date.now();
  const bounds = { maxDays, defaultDays: searching ? DEFAULT_DAYS : maxDays, nowMs };
  const window = scanWindow(filters, bounds);
  const covered = { from: isoSeconds(window.fromMs), to: isoSeconds(window.toMs) };
  const stream = await exportJobs({
    format,
    scan: { filters, client: iceClient(), maxJobs, ...bounds, pace: scanPace(options.userKey), share: false },
    keep: searching ? (job) => matchesSearch(job, search) : undefined,
    signal: options.signal,
    idleMs: exportIdleMs,
    onEnd: ({ outcome, jobs, summary, error }) => {
      release();
      log(outcome === 'failed' || outcome === 'idle' ? 'warn' : 'info', 'export_end', {
        requestId: options.requestId,
        format,
        outcome,
        jobs,
        stopped: summary?.stopped?.reason,
        code: error?.code,
        iceRequestId: error?.requestId,
        ms: Date.now() - nowMs,
      });
    },
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  return {
    stream,
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(filters, covered, format, searching)}"`,
      // The create-time range the file covers (ISO 8601 interval), known before the first row.
      'X-Scan-Window': `${covered.from}/${covered.to}`,
    },
  };
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
