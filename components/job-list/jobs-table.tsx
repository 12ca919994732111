'use client';

import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeText } from '@/components/ui/time-text';
import { useJobRows } from '@/lib/api-client/use-job-rows';
import type { JobRow } from '@/lib/jobs/job-summary';

export interface JobsTableProps {
  rows: JobRow[];
  /** The list's query string for /api/jobs; set only on a first page, the one that refreshes itself. */
  liveQuery?: string;
  filtered: boolean;
}

export function JobsTable({ rows: initialRows, liveQuery, filtered }: JobsTableProps) {
  const { data: rows = initialRows, error } = useJobRows({ liveQuery, initialRows });

  if (rows.length === 0) {
    return (
      <EmptyState title={filtered ? 'No job matches these filters.' : 'No media-info jobs yet.'}>
        {filtered ? (
          <p>
            Widen the time range or <Link href="/jobs">clear the filters</Link>.
          </p>
        ) : (
          <p>Jobs submitted to ICE (SubmitMediaInfoJob) show up here.</p>
        )}
      </EmptyState>
    );
  }

  return (
    <>
      {error && (
        <p className="muted" role="status">
          Live refresh paused: {error.message}
        </p>
      )}
      <div className="table-scroll" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
        <table>
          <caption id="jobs-caption">
            Media-info jobs{liveQuery !== undefined ? ' (refreshes itself)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">JobId</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Trigger</th>
              <th scope="col">File</th>
              <th scope="col">Container</th>
              <th scope="col" className="num">Duration</th>
              <th scope="col">Resolution</th>
              <th scope="col">Video</th>
              <th scope="col">Audio</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">Submitted</th>
              <th scope="col">Finished</th>
              <th scope="col" className="num">Processing</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.JobId}>
                <td>
                  <Link href={`/jobs/${encodeURIComponent(row.JobId)}`} className="mono" title={row.JobId} prefetch={false}>
                    {shortId(row.JobId)}
                  </Link>{' '}
                  <CopyButton text={row.JobId} label={`Copy JobId ${row.JobId}`} />
                </td>
                <td className="wrap">{row.Name || <span className="muted">—</span>}</td>
                <td>
                  <StatusBadge status={row.Status} />
                </td>
                <td>{row.TriggerSource ?? '—'}</td>
                <td className="wrap">{row.fileName}</td>
                <td>{row.container}</td>
                <td className="num">{row.duration}</td>
                <td>{row.resolution}</td>
                <td>{row.videoCodecs}</td>
                <td>{row.audioCodecs}</td>
                <td className="num">{row.size}</td>
                <td>
                  <TimeText iso={row.SubmitTime} />
                </td>
                <td>
                  <TimeText iso={row.FinishTime} />
                </td>
                <td className="num">{row.processing}</td>
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
