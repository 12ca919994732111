import 'server-only';
import { exportIdle, toPortalError, type PortalError } from '@/lib/errors';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { EXPORT_WRITERS, type ExportSummary } from './export-formats';
import type { ExportFormat } from './export-query';
import type { Scan } from './scan';

// Every job of a scan as a download: CSV rows or NDJSON lines in a web ReadableStream. Cases handled:
// - backpressure: the stream pulls from the scan only when its reader asks for more, about BATCH_CHARS
//   at a time, and the scan reads a few pages ahead at most, so a slow download slows the upstream
//   calls and memory stays flat however many jobs match;
// - a failure at once: the first job is read before the stream is returned, so ICE refusing the very
//   first page throws here and the route answers with a real error status instead of a broken file;
// - a failure later: NDJSON ends with an {"error": ...} line; CSV has no such place, so the stream
//   errors and the connection is cut: a download never ends as a clean but short file;
// - bounds: NDJSON's last line is the scan summary (stopped included); CSV ends with a note row;
// - search: only jobs the `keep` predicate passes are written (the list's own search filters), while a
//   chunk is still handed on at least every FLUSH_MS once it holds a match, so rare matches arrive;
// - cancel: a reader that goes away (closed tab, cancelled download) aborts the scan, and so do the
//   caller's signal;
// - idle: a reader that is still connected but has taken nothing for `idleMs` (a stalled client, whose
//   socket stopped draining) ends the export: the scan stops and the connection is cut, instead of the
//   pages read ahead being held for as long as the client keeps the socket open.

/**
 * Text gathered before a chunk is handed on: big enough that a chunk is not a write per job (a probed
 * job's JSON is 3 to 5 KB, so a chunk is some 30 of them), small beside the pages a scan reads ahead.
 */
export const BATCH_CHARS = 128_000;
/** ...or for this long, when matches are sparse. */
const FLUSH_MS = 500;

export interface ExportEnd {
  outcome: 'complete' | 'stopped' | 'failed' | 'cancelled' | 'idle';
  /** Jobs written. */
  jobs: number;
  summary?: ExportSummary;
  error?: PortalError;
}

export interface ExportOptions {
  format: ExportFormat;
  /** The jobs to write out (a scan, or a selection read one by one), read with the export's own signal (the caller's `signal` and a cancel). */
  jobs: (signal: AbortSignal) => Scan;
  /** Which scanned jobs are written. Default: all. */
  keep?: (job: MediaInfoJob) => boolean;
  /** Stops the export: the request's signal. */
  signal?: AbortSignal;
  /** Ends the export when its reader has taken nothing for this long (EXPORT_IDLE_SECONDS). Default: never. */
  idleMs?: number;
  /** Called once when the stream ends, however it ends: for the operators' log line. */
  onEnd?: (end: ExportEnd) => void;
}

export async function exportJobs({ format, jobs: read, keep = () => true, signal, idleMs, onEnd }: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const writer = EXPORT_WRITERS[format];
  const cancel = new AbortController();
  const scan = read(signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal);
  const jobs = scan[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let written = 0;
  let ended = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const end = (result: Omit<ExportEnd, 'jobs'>) => {
    if (ended) return;
    ended = true;
    clearInterval(idleTimer);
    onEnd?.({ ...result, jobs: written });
  };
  const stopScan = (reason: unknown) => {
    cancel.abort(reason);
    // Ends the scan even while nobody is reading it: the signal alone is only seen by a read.
    jobs.return?.(undefined).catch(() => undefined);
  };

  let ahead: IteratorResult<MediaInfoJob> | undefined;
  try {
    ahead = await jobs.next();
  } catch (error) {
    stopScan(error);
    throw error;
  }
  let head = writer.begin();
  /** When the reader last asked for more, and whether the stream is answering it now. */
  let askedAt = Date.now();
  let pulling = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (!idleMs) return;
      idleTimer = setInterval(() => {
        if (ended || pulling || Date.now() - askedAt < idleMs) return;
        const error = exportIdle(Math.round(idleMs / 1000));
        stopScan(error);
        // Named AbortError, as below: Next.js then cuts the connection without logging a stack trace.
        controller.error(new DOMException(error.message, 'AbortError'));
        end({ outcome: 'idle', error });
      }, Math.min(idleMs, 1000));
      idleTimer.unref();
    },
    async pull(controller) {
      pulling = true;
      try {
        await fill(controller);
      } finally {
        pulling = false;
        askedAt = Date.now();
      }
    },
    cancel(reason) {
      stopScan(reason);
      end({ outcome: 'cancelled' });
    },
  });

  async function fill(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    let text = head;
    head = '';
    const started = Date.now();
    try {
      while (text.length < BATCH_CHARS && !(text && Date.now() - started > FLUSH_MS)) {
        const next = ahead ?? (await jobs.next());
        ahead = undefined;
        if (next.done) {
          const summary = { ...scan.summary!, exportedJobs: written, source: scan.source };
          controller.enqueue(encoder.encode(text + writer.end(summary)));
          controller.close();
          return end({ outcome: summary.stopped ? 'stopped' : 'complete', summary });
        }
        if (!keep(next.value)) continue;
        written += 1;
        text += writer.job(next.value);
      }
      controller.enqueue(encoder.encode(text));
    } catch (raw) {
      // Cancelled: the reader is gone and cancel() has said how it ended.
      if (cancel.signal.aborted) return;
      const error = toPortalError(raw);
      const last = writer.fail(error);
      if (last === undefined) {
        // Erroring the stream makes Next.js destroy the connection, so the client sees a broken
        // download. Named AbortError, which Next.js takes as deliberate: the failure is logged once,
        // by onEnd, instead of again as a stack trace.
        controller.error(new DOMException(error.message, 'AbortError'));
      } else {
        controller.enqueue(encoder.encode(text + last));
        controller.close();
      }
      end({ outcome: error.code === 'aborted' ? 'cancelled' : 'failed', error });
    }
  }
}
