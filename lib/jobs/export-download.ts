import 'server-only';
import { iceClient } from '@/lib/ice/client';
import { log } from '@/lib/log/logger';
import { exportJobs } from './export';
import { takeExportSlot } from './export-slots';
import { selectedJobs } from './selected-jobs';
import { EXPORT_CONTENT_TYPES, exportFileName, selectionFileName } from './export-query';
import type { ExportQuery } from './parse-export-query';
import { getScanConfig } from './scan-config';
import { openScan, planScan, widenForIndex } from './scan-plan';
import { iceTime } from '@/lib/ice/ice-time';

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

export async function startExportDownload({ region, filters, search, format, jobIds }: ExportQuery, options: ExportRequest): Promise<ExportDownload> {
  const { exportsPerUser, exportsPerInstance, exportIdleMs } = getScanConfig();
  const release = takeExportSlot(options.userKey, { perUser: exportsPerUser, perInstance: exportsPerInstance });
  // One plan (and one now) for the scan and the headers, so the window they state is the one walked.
  const plan = jobIds ? planScan({ filters, search }) : await widenForIndex(planScan({ filters, search }), region);
  const nowMs = plan.bounds.nowMs;
  const covered = { from: iceTime(plan.window.fromMs), to: iceTime(plan.window.toMs) };
  const stream = await exportJobs({
    format,
    jobs: jobIds
      ? (signal) => selectedJobs(jobIds, iceClient(region), signal)
      : (signal) => openScan(filters, { ...plan.bounds, maxJobs: plan.maxJobs }, { region, userKey: options.userKey, share: false, signal, search: plan.search, textOnly: format === 'ndjson' && !plan.searching, source: plan.wide ? 'index' : undefined }),
    keep: plan.keep,
    signal: options.signal,
    idleMs: exportIdleMs,
    onEnd: ({ outcome, jobs, summary, error }) => {
      release();
      log(outcome === 'failed' || outcome === 'idle' ? 'warn' : 'info', 'export_end', {
        requestId: options.requestId,
        region,
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
  const fileName = jobIds ? selectionFileName(jobIds.length, iceTime(nowMs), format, region) : exportFileName({ ...filters, region }, covered, format, plan.searching);
  return {
    stream,
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${fileName}"`,
      // The create-time range the file covers (ISO 8601 interval), known before the first row; a
      // selection's is known only at its end, in its summary.
      ...(jobIds ? {} : { 'X-Scan-Window': `${covered.from}/${covered.to}` }),
    },
  };
}

