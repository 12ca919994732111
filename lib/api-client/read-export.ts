// Reads an export download in the browser: counts the jobs as they arrive, for progress, and decides
// whether what arrived is the whole file before anything is saved. A CSV that broke off, or an NDJSON
// that ends with an {"error": ...} line or without its summary line, is a failure, never a short file.
import { STOPPED_ROW_PREFIX } from '@/lib/jobs/export-query';
import { ApiError, apiErrorOf } from './fetch-json';

export interface ExportFile {
  blob: Blob;
  fileName: string;
  /** Jobs in the file. */
  jobs: number;
  /** The create-time range the file covers, "from/to" in UTC (the X-Scan-Window header). */
  window?: string;
  /** A bound (SCAN_MAX_JOBS, SCAN_MAX_DAYS) stopped the export before the end of the filter set. */
  stopped: boolean;
}

export interface ReadExportOptions {
  signal?: AbortSignal;
  /** Jobs received so far, after every chunk. */
  onProgress?: (jobs: number) => void;
}

const LF = 0x0a;
const QUOTE = 0x22;

/**
 * Counts finished lines of a stream. In CSV a line break inside a quoted cell does not end a row, and
 * an escaped quote ("") flips the state twice; JSON never holds a raw line break, and its quotes are
 * not CSV's, so NDJSON counts every line break. Bytes, not text: neither byte occurs inside a UTF-8
 * sequence, so chunks need no decoding.
 */
export function lineCounter(csv: boolean): (chunk: Uint8Array) => number {
  let lines = 0;
  let quoted = false;
  return (chunk) => {
    for (const byte of chunk) {
      if (byte === QUOTE && csv) quoted = !quoted;
      else if (byte === LF && !quoted) lines += 1;
    }
    return lines;
  };
}

export async function readExport(url: string, { signal, onProgress }: ReadExportOptions = {}): Promise<ExportFile> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw apiErrorOf(response.status, await response.json().catch(() => undefined));
  const csv = !response.headers.get('content-type')?.includes('ndjson');
  // The CSV's first line is its header; NDJSON's last is its summary (not counted until it is there).
  const jobsOf = (lines: number) => Math.max(0, csv ? lines - 1 : lines);
  const count = lineCounter(csv);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  let lines = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      lines = count(read.value);
      onProgress?.(jobsOf(lines));
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw brokeOff(jobsOf(lines));
  }
  const blob = new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
  const last = lastLine(await blob.slice(-4096).text());
  const file = {
    blob,
    fileName: /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `media-info-jobs.${csv ? 'csv' : 'ndjson'}`,
    window: response.headers.get('x-scan-window') ?? undefined,
  };
  if (csv) {
    const stopped = last.replace(/^"/, '').startsWith(STOPPED_ROW_PREFIX);
    return { ...file, jobs: jobsOf(lines) - (stopped ? 1 : 0), stopped };
  }
  // NDJSON's last line is the summary or the error, not a job.
  const end = parseEndLine(last);
  if (end?.error) throw apiErrorOf(502, { error: { ...end.error, message: `${end.error.message} The export stopped after ${lines - 1} jobs; nothing was saved.` } }, lines - 1);
  if (!end?.Summary) throw brokeOff(lines);
  return { ...file, jobs: lines - 1, stopped: end.Summary.Stopped !== undefined };
}

const brokeOff = (jobs: number) =>
  new ApiError(0, `The download broke off after ${jobs} jobs: the portal or ICE failed on the way. Nothing was saved; try again.`, { code: 'export_incomplete', jobsBefore: jobs });

function lastLine(tail: string): string {
  const lines = tail.split('\n');
  return (lines[lines.length - 1] === '' ? lines[lines.length - 2] : lines[lines.length - 1]) ?? '';
}

interface EndLine {
  Summary?: { Stopped?: unknown };
  error?: { code?: string; message: string; requestId?: string; params?: Record<string, string | number> };
}

function parseEndLine(line: string): EndLine | undefined {
  try {
    const parsed = JSON.parse(line) as EndLine;
    // The end line holds exactly `error`, or `Summary` and `summary`; a job line (which could carry any
    // field) always has more.
    const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed).sort().join() : '';
    return keys === 'error' || keys === 'Summary,summary' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
