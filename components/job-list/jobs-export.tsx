'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useEarlyInput } from '@/components/ui/use-early-input';
import { useErrorText } from '@/components/ui/use-error-text';
import { useTimeFormatter } from '@/components/ui/use-time-zone';
import { ApiError } from '@/lib/api-client/fetch-json';
import type { ExportFile } from '@/lib/api-client/read-export';
import { exportApiUrl, selectionExportApiUrl } from '@/lib/api-client/urls';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '@/lib/jobs/export-query';
import { listQuerySearchParams, type ListQuery } from '@/lib/jobs/list-query';
import { useSelection } from './use-selection';

/** What an export of the list's filters covers, said before it starts where that is less than the list shows. */
export interface ExportCoverage {
  /** No start given: the last `maxDays`; or a range longer than `maxDays`, cut to `from`–`to`. */
  cut?: 'default' | 'max_days';
  from: string;
  to: string;
  maxDays: number;
}


type ExportState = { url: string } & (
  | { kind: 'idle' }
  | { kind: 'running'; jobs: number }
  | { kind: 'saved'; file: Omit<ExportFile, 'blob'> }
  | { kind: 'cancelled'; jobs: number }
  | { kind: 'failed'; message: string; requestId?: string }
);

/**
 * Exports every job the list's filters match, across all pages, as a file, or the jobs selected on the
 * list when there are some. The download is read here rather than left to the browser so the page can
 * count jobs as they arrive and refuse to save a file that broke off; the whole file is held in memory
 * until it is saved. Where the export covers less than the list shows (a bound), it says so first.
 */
export function JobsExport({ query, coverage }: { query: ListQuery; coverage: ExportCoverage }) {
  const t = useTranslations('export');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  const time = useTimeFormatter();
  const [format, setFormat] = useState<ExportFormat>('csv');
  useEarlyInput({ 'x-format': { held: format, take: (value) => isExportFormat(value) && setFormat(value) } });
  const { selected } = useSelection();
  const url = selected.length > 0 ? selectionExportApiUrl(selected, format, query.region) : exportApiUrl(listQuerySearchParams(query), format);
  const [started, setState] = useState<ExportState>({ url, kind: 'idle' });
  const running = useRef<AbortController>(undefined);
  const jobsSoFar = useRef(0);
  // An export runs to its end when the filters change (its file name says what it holds), but how an
  // earlier one ended is not shown under other filters or another format. Paging changes nothing here.
  const state: ExportState = started.kind === 'running' || started.url === url ? started : { url, kind: 'idle' };

  // The page was left: stop reading.
  useEffect(() => () => running.current?.abort(), []);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    jobsSoFar.current = 0;
    setState({ url, kind: 'running', jobs: 0 });
    try {
      // The reader of a download comes with the first export, not with the list's first load.
      const { readExport } = await import('@/lib/api-client/read-export');
      const { blob, ...file } = await readExport(url, {
        signal: controller.signal,
        onProgress: (jobs) => {
          jobsSoFar.current = jobs;
          setState({ url, kind: 'running', jobs });
        },
      });
      save(blob, file.fileName);
      setState({ url, kind: 'saved', file });
    } catch (error) {
      if (controller.signal.aborted) setState({ url, kind: 'cancelled', jobs: jobsSoFar.current });
      else setState({ url, kind: 'failed', message: describe(error), requestId: error instanceof ApiError ? error.requestId : undefined });
    } finally {
      running.current = undefined;
    }
  };

  const covered = state.kind === 'saved' ? state.file.window?.split('/') : undefined;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <form className="export-bar" aria-label={t('label')} onSubmit={start}>
      <div className="field inline-field">
        <label htmlFor="x-format">{selected.length > 0 ? t('selectedAs', { count: selected.length }) : t('format')}</label>
        <select id="x-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`formats.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {/* Not disabled while running: a disabled button would drop a keyboard user's focus. */}
      <button type="submit" aria-disabled={state.kind === 'running'}>
        {t('submit')}
      </button>
      {state.kind === 'running' && (
        <button type="button" onClick={() => running.current?.abort()}>
          {t('cancel')}
        </button>
      )}
      {selected.length === 0 && coverage.cut && (
        <p className="muted export-status">
          {coverage.cut === 'default'
            ? t('coverDefault', { days: coverage.maxDays })
            : t('coverCut', { days: coverage.maxDays, from: time(coverage.from), to: time(coverage.to) })}
        </p>
      )}
      <p role="status" className="export-status">
        {state.kind === 'running' && t('running', { jobs: state.jobs })}
        {state.kind === 'cancelled' && t('cancelled', { jobs: state.jobs })}
        {state.kind === 'saved' && (
          <>
            {covered?.length === 2
              ? t.rich('savedRange', { jobs: state.file.jobs, fileName: state.file.fileName, from: time(covered[0]), to: time(covered[1]), code })
              : t.rich('saved', { jobs: state.file.jobs, fileName: state.file.fileName, code })}
            {state.file.stopped && ` ${t('incomplete')}`}
          </>
        )}
      </p>
      {state.kind === 'failed' && (
        <div role="alert" className="panel error export-status">
          <p>{t('failed', { message: state.message })}</p>
          {state.requestId && <p className="muted">{tErrors.rich('requestId', { id: state.requestId, code })}</p>}
        </div>
      )}
    </form>
  );
}

/** Hands the finished file to the browser's downloads. */
function save(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the file may be large, so free it soon after.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
