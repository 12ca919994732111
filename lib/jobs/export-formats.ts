import { stringify } from 'csv-stringify/sync';
import type { PortalError } from '@/lib/errors';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { EXPORT_COLUMNS, exportRecord, type ExportRecord } from './export-columns';
import { STOPPED_ROW_PREFIX, type ExportFormat } from './export-query';
import { jobText } from './job-text';
import { sourceSaid, type ScanSource, type ScanSummary } from './scan';

// What each export format writes at its start, per job, at its end and on a failure. export.ts owns the
// stream; these only turn data into text.

/** The scan's summary with the jobs written, which a search makes fewer than those scanned. */
export type ExportSummary = ScanSummary & { exportedJobs: number; source?: ScanSource };

/**
 * How far an export got, in the API's own names (as /api/jobs says a search's progress): ScannedJobs,
 * the Window it covered, Stopped with its Reason and where (At).
 */
export function exportProgress(summary: ExportSummary) {
  return {
    ScannedJobs: summary.scannedJobs,
    ExportedJobs: summary.exportedJobs,
    Window: { StartOfCreateTime: summary.from, EndOfCreateTime: summary.to },
    ...(summary.stopped ? { Stopped: { Reason: summary.stopped.reason, At: summary.stopped.at } } : {}),
    Source: sourceSaid(summary.source),
  };
}

export interface ExportWriter {
  /** Before the first job. */
  begin(): string;
  job(job: MediaInfoJob): string;
  /** After the last job: how the scan ended, bounds included. */
  end(summary: ExportSummary): string;
  /** The last text after a failure, or undefined when the format has no way to say it: then the stream errors. */
  fail(error: PortalError): string | undefined;
}

// csv-stringify quotes what needs quoting (delimiters, quotes, line breaks) and, with escape_formulas,
// prefixes a ' to every string cell that begins with = + - @ tab or CR (and their full-width forms), so
// Excel shows a hostile Name as text instead of running it; numbers the portal produced are left alone.
// The default LF record delimiter is kept: setting another one would silently stop it quoting bare LFs.
const CSV_OPTIONS = { columns: [...EXPORT_COLUMNS], escape_formulas: true } as const;

// Rows as arrays in column order: csv-stringify reads object keys as paths ("a.b"), column names are not.
const csvRow = (record: Partial<ExportRecord>) => stringify([EXPORT_COLUMNS.map((column) => record[column])], CSV_OPTIONS);

const csv: ExportWriter = {
  // The BOM makes Excel read UTF-8 (CJK names) instead of the system's legacy code page.
  begin: () => stringify([], { ...CSV_OPTIONS, bom: true, header: true }),
  job: (job) => csvRow(exportRecord(job)),
  end: (summary) => (summary.stopped ? csvRow({ JobId: stoppedNote(summary) }) : ''),
  fail: () => undefined,
};

const ndjson: ExportWriter = {
  begin: () => '',
  job: (job) => `${jobText(job)}\n`,
  // `Summary` in the API's names; `summary`, the first spelling, stays for scripts that read it.
  end: ({ source, ...summary }) => `${JSON.stringify({ Summary: exportProgress({ ...summary, source }), summary })}\n`,
  fail: (error) => `${JSON.stringify({ error: error.toJSON() })}\n`,
};

export const EXPORT_WRITERS: Record<ExportFormat, ExportWriter> = { csv, ndjson };

/** The CSV's last row when a bound stopped the scan: what it covers and what to do about the rest. */
export function stoppedNote(summary: ExportSummary): string | undefined {
  const stopped = summary.stopped;
  if (!stopped) return undefined;
  const what =
    stopped.reason === 'max_jobs'
      ? `at SCAN_MAX_JOBS after reading ${summary.scannedJobs} jobs (created ${stopped.at} reached)`
      : `at SCAN_MAX_DAYS: only jobs created ${summary.from} to ${summary.to}`;
  return `${STOPPED_ROW_PREFIX} ${what}; this file is not the whole filter set, narrow the filters to export the rest`;
}
