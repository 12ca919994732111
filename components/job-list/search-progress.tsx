'use client';

import { useTranslations } from 'next-intl';
import { useTimeFormatter } from '@/components/ui/use-time-zone';
import type { JobsPage } from '@/lib/jobs/jobs-page';

/**
 * How far a search has scanned, over which window, and what stopped it: never a partial answer shown as
 * whole. When the job index counted the matches exactly, their number instead of the jobs scanned.
 */
export function SearchProgress({ progress, more }: { progress: NonNullable<JobsPage['search']>; more: boolean }) {
  const t = useTranslations('search');
  const time = useTimeFormatter();
  const { ScannedJobs, Matches, Total, Window, Stopped } = progress;
  const said = { matches: Matches, from: time(Window.StartOfCreateTime), to: time(Window.EndOfCreateTime), defaulted: String(Window.Defaulted), more: String(more) };
  return (
    <p className="panel" role="status">
      {Total === undefined ? t('progress', { ...said, scanned: ScannedJobs }) : t('progressTotal', { ...said, total: Total })}
      {Stopped && ` ${t(Stopped.Reason === 'max_jobs' ? 'stoppedMaxJobs' : 'stoppedMaxDays', { at: time(Stopped.At) })}`}
    </p>
  );
}
