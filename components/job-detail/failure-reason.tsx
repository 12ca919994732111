import { useTranslations } from 'next-intl';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { failureReason } from '@/lib/jobs/failure-reason';

/** For a failed job the reason comes first: ICE puts it in SubmitResultJson. */
export function FailureReason({ job }: { job: MediaInfoJob }) {
  const t = useTranslations('job.failure');
  const { code, message } = failureReason(job);
  return (
    <section className="panel error" aria-labelledby="failure-title" style={{ margin: '1rem 0' }}>
      <h2 id="failure-title">{t('title')}</h2>
      {code || message ? (
        <p>
          {code && <code>{code}</code>}
          {code && message ? ': ' : ''}
          {message}
        </p>
      ) : (
        <p>{t('noReason')}</p>
      )}
    </section>
  );
}
