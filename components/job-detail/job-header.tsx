import { useLocale, useTranslations } from 'next-intl';
import { CopyButton } from '@/components/ui/copy-button';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeText } from '@/components/ui/time-text';
import { formatElapsed } from '@/lib/format/duration';
import { elapsedBetween } from '@/lib/format/time';
import type { MediaInfoJob } from '@/lib/ice/schemas';

export function JobHeader({ job, title }: { job: MediaInfoJob; title: string }) {
  const t = useTranslations('job');
  const locale = useLocale();
  const elapsed = elapsedBetween(job.SubmitTime, job.FinishTime);
  return (
    <>
      <div className="job-header">
        {/* The job's own name or file name: data, shown as it is in every language. */}
        <h1 translate="no">{title}</h1>
        <StatusBadge status={job.Status} />
        <CopyButton value="url" label={t('copyLink')} />
      </div>
      <dl className="facts">
        <dt>{t('jobId')}</dt>
        <dd>
          <code>{job.JobId}</code> <CopyButton text={job.JobId} label={t('copyJobId')} />
        </dd>
        <dt>{t('submitted')}</dt>
        <dd>
          <TimeText iso={job.SubmitTime} relative />
        </dd>
        <dt>{t('finished')}</dt>
        <dd>{job.FinishTime ? <TimeText iso={job.FinishTime} relative /> : <span className="muted">{t('notYet')}</span>}</dd>
        <dt>{t('processingTime')}</dt>
        <dd>{formatElapsed(elapsed, locale)}</dd>
      </dl>
    </>
  );
}
