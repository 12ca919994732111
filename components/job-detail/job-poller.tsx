'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useErrorText } from '@/components/ui/use-error-text';
import { useStuckAge } from '@/components/ui/use-stuck-age';
import { useJob } from '@/lib/api-client/use-job';

/** Polling delays while a job is in Init: quick at first, then backing off, never slower than this. */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;

interface JobPollerProps {
  jobId: string;
  region?: string;
  submitTime: string | undefined;
  /** When the server read the job: the clock's time while the page hydrates. */
  renderedAtMs: number;
  /** Waiting longer than this, the job is said to be possibly stuck (STUCK_AFTER_MINUTES), as in the list. */
  stuckAfterMs: number;
}

/**
 * Watches a job that is still being probed and re-renders the page from the server once ICE reports
 * a final status. SWR pauses in a hidden tab; polling stops when the job is final or the page closes.
 * A job waiting longer than the list's possibly-stuck mark says so here too, with its age: a shared link
 * lands here, not on the list.
 */
export function JobPoller({ jobId, region, submitTime, renderedAtMs, stuckAfterMs }: JobPollerProps) {
  const t = useTranslations('job.poller');
  const stuck = useStuckAge(submitTime, renderedAtMs, stuckAfterMs);
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

  // A stuck job's age moves every half minute, outside the live region's announcements: those are for
  // the status changing (to possibly stuck, finished, or failing to check), not for the clock.
  const waiting = stuck ? t.rich('stuck', { ...stuck, ticking: (chunks) => <span aria-live="off">{chunks}</span> }) : t('waiting');
  return (
    <p className={stuck ? 'panel stuck-note' : 'panel'} role="status" aria-live="polite">
      {status && status !== 'Init'
        ? t('finished')
        : error
          ? t('retrying', { message: describe(error) })
          : waiting}
    </p>
  );
}
