'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeText } from '@/components/ui/time-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { useJobRows } from '@/lib/api-client/use-job-rows';
import { formatBytes } from '@/lib/format/bytes';
import { formatElapsed } from '@/lib/format/duration';
import { MISSING } from '@/lib/format/numbers';
import type { JobRow } from '@/lib/jobs/job-summary';

export interface JobsTableProps {
  rows: JobRow[];
  /** The list's query string for /api/jobs; set only on a first page, the one that refreshes itself. */
  liveQuery?: string;
  filtered: boolean;
}

export function JobsTable({ rows: initialRows, liveQuery, filtered }: JobsTableProps) {
  const t = useTranslations('list');
  const locale = useLocale();
  const describe = useErrorText();
  const { data: rows = initialRows, error } = useJobRows({ liveQuery, initialRows });

  if (rows.length === 0) {
    return (
      <EmptyState title={filtered ? t('emptyFiltered') : t('empty')}>
        {filtered ? <p>{t.rich('emptyFilteredHint', { link: (chunks) => <Link href="/jobs">{chunks}</Link> })}</p> : <p>{t('emptyHint')}</p>}
      </EmptyState>
    );
  }

  return (
    <>
      {error && (
        <p className="muted" role="status">
          {t('livePaused', { message: describe(error) })}
        </p>
      )}
      <div className="table-scroll" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
        <table>
          <caption id="jobs-caption">
            {liveQuery !== undefined ? t('captionLive') : t('caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.jobId')}</th>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.trigger')}</th>
              <th scope="col">{t('columns.file')}</th>
              <th scope="col">{t('columns.container')}</th>
              <th scope="col" className="num">
                {t('columns.duration')}
              </th>
              <th scope="col">{t('columns.resolution')}</th>
              <th scope="col">{t('columns.video')}</th>
              <th scope="col">{t('columns.audio')}</th>
              <th scope="col" className="num">
                {t('columns.size')}
              </th>
              <th scope="col">{t('columns.submitted')}</th>
              <th scope="col">{t('columns.finished')}</th>
              <th scope="col" className="num">
                {t('columns.processing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.JobId}>
                <td>
                  <Link href={`/jobs/${encodeURIComponent(row.JobId)}`} className="mono" title={row.JobId} prefetch={false}>
                    {shortId(row.JobId)}
                  </Link>{' '}
                  <CopyButton text={row.JobId} label={t('copyJobId', { jobId: row.JobId })} />
                </td>
                <td className="wrap">{row.Name || <span className="muted">{MISSING}</span>}</td>
                <td>
                  <StatusBadge status={row.Status} />
                </td>
                <td>{row.TriggerSource ?? MISSING}</td>
                <td className="wrap">{row.fileName}</td>
                <td>{row.container}</td>
                <td className="num">{row.duration}</td>
                <td>{row.resolution}</td>
                <td>{row.videoCodecs}</td>
                <td>{row.audioCodecs}</td>
                <td className="num">{formatBytes(row.sizeBytes, locale)}</td>
                <td>
                  <TimeText iso={row.SubmitTime} />
                </td>
                <td>
                  <TimeText iso={row.FinishTime} />
                </td>
                <td className="num">{formatElapsed(row.processingMs, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function shortId(jobId: string): string {
  return jobId.length > 14 ? `${jobId.slice(0, 8)}…${jobId.slice(-4)}` : jobId;
}
