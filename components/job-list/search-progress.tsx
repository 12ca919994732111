'use client';

import { useTranslations } from 'next-intl';
import { useTimeFormatter } from '@/components/ui/use-time-zone';
import type { JobsPage } from '@/lib/jobs/jobs-page';

/** How far a search has scanned, over which window, and what stopped it: never a partial answer shown as whole. */
export function SearchProgress({ progress, more }: { progress: NonNullable<JobsPage['search']>; more: boolean }) {
  const t = useTranslations('search');
  const time = useTimeFormatter();
  const { ScannedJobs, Matches, Window, Stopped } = progress;
  return (
    <p className="panel" role="status">
      {t('progress', {
        scanned: ScannedJobs,
        matches: Matches,
        from: time(Window.StartOfCreateTime),
        to: time(Window.EndOfCreateTime),
        defaulted: String(Window.Defaulted),
        more: String(more),
      })}
      {Stopped && ` ${t(Stopped.Reason === 'max_jobs' ? 'stoppedMaxJobs' : 'stoppedMaxDays', { at: time(Stopped.At) })}`}
    </p>
  );
}
