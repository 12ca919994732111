import { CopyButton } from '@/components/ui/copy-button';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeText } from '@/components/ui/time-text';
import { formatElapsed } from '@/lib/format/duration';
import { elapsedBetween } from '@/lib/format/time';
import type { MediaInfoJob } from '@/lib/ice/schemas';

export function JobHeader({ job, title }: { job: MediaInfoJob; title: string }) {
  const elapsed = elapsedBetween(job.SubmitTime, job.FinishTime);
  return (
    <>
      <div className="job-header">
        <h1>{title}</h1>
        <StatusBadge status={job.Status} />
        <CopyButton value="url" label="Copy link to this job" />
      </div>
      <dl className="facts">
        <dt>JobId</dt>
        <dd>
          <code>{job.JobId}</code> <CopyButton text={job.JobId} label="Copy JobId" />
        </dd>
        <dt>Submitted</dt>
        <dd>
          <TimeText iso={job.SubmitTime} />
        </dd>
        <dt>Finished</dt>
        <dd>{job.FinishTime ? <TimeText iso={job.FinishTime} /> : <span className="muted">not yet</span>}</dd>
        <dt>Processing time</dt>
        <dd>{elapsed === undefined ? '—' : formatElapsed(elapsed)}</dd>
      </dl>
    </>
  );
}
