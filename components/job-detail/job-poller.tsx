'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useErrorText } from '@/components/ui/use-error-text';
import { useJob } from '@/lib/api-client/use-job';

/** Polling delays while a job is in Init: quick at first, then backing off, never slower than this. */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;

/**
 * Watches a job that is still being probed and re-renders the page from the server once ICE reports
 * a final status. SWR pauses in a hidden tab; polling stops when the job is final or the page closes.
 */
export function JobPoller({ jobId, region }: { jobId: string; region?: string }) {
  const t = useTranslations('job.poller');
  const describe = useErrorText();
  const router = useRouter();
  const polls = useRef(0);
  const { data, error } = useJob(jobId, {
    region,
    refreshInterval: (latest) => {
      if (latest && latest.MediaInfoJob.Status !== 'Init') return 0;
      polls.current += 1;
      return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 1.5 ** (polls.current - 1));
    },
    errorRetryInterval: MAX_DELAY_MS,
  });
  const status = data?.MediaInfoJob.Status;

  useEffect(() => {
    if (status && status !== 'Init') router.refresh();
  }, [status, router]);

  return (
    <p className="panel" role="status" aria-live="polite">
      {status && status !== 'Init'
        ? t('finished')
        : error
          ? t('retrying', { message: describe(error) })
          : t('waiting')}
    </p>
  );
}
