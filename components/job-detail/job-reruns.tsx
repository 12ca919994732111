import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TimeText } from '@/components/ui/time-text';
import { jobPageHref, REGION_PARAM } from '@/lib/jobs/list-query';
import { rerunsOf } from '@/lib/submit/rerun-links';
import { submitPermission } from '@/lib/submit/submit-permission';

/**
 * A job's way to run it again (for people who may submit), and the jobs that ran it again from the
 * portal, newest first, so the old job leads to the new one.
 */
export async function JobReruns({ jobId, region }: { jobId: string; region?: string }) {
  const [permission, reruns, t] = await Promise.all([submitPermission(), rerunsOf(jobId), getTranslations('job')]);
  if (!permission.allowed && reruns.length === 0) return null;
  const rerunHref = `/jobs/new?${new URLSearchParams({ RerunOf: jobId, ...(region ? { [REGION_PARAM]: region } : {}) })}`;
  return (
    <div className="job-reruns">
      {permission.allowed && (
        <Link className="button" href={rerunHref}>
          {t('rerun')}
        </Link>
      )}
      {reruns.length > 0 && (
        <p>
          {t('reruns')}:{' '}
          {reruns.map((rerun, i) => (
            <span key={rerun.JobId}>
              {i > 0 && ', '}
              <Link href={jobPageHref(rerun.JobId, region)} translate="no">
                {rerun.JobId}
              </Link>{' '}
              <span className="muted">{t.rich('rerunBy', { by: rerun.By, time: () => <TimeText iso={rerun.At} /> })}</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
