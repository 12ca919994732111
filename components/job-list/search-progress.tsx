import { TimeText } from '@/components/ui/time-text';
import type { JobsPage } from '@/lib/jobs/queries';

const count = (n: number) => n.toLocaleString('en-US');

/** How far a search has scanned, over which window, and what stopped it: never a partial answer shown as whole. */
export function SearchProgress({ progress, more }: { progress: NonNullable<JobsPage['search']>; more: boolean }) {
  const { ScannedJobs, Matches, Window, Stopped } = progress;
  return (
    <p className="panel" role="status">
      Scanned {count(ScannedJobs)} jobs created <TimeText iso={Window.StartOfCreateTime} /> – <TimeText iso={Window.EndOfCreateTime} />
      {Window.Defaulted ? ' (the last 7 days: set a time range to search further back)' : ''}: {count(Matches)} {Matches === 1 ? 'match' : 'matches'}
      {more ? ' so far. Continue scanning for more.' : '.'}
      {Stopped &&
        (Stopped.Reason === 'max_jobs' ? (
          <> The search stopped at the portal&apos;s limit of jobs per search, at jobs created <TimeText iso={Stopped.At} />: narrow the filters to see the rest.</>
        ) : (
          <> The range is longer than one search covers, so it stopped at <TimeText iso={Stopped.At} />: narrow the time range to see the rest.</>
        ))}
    </p>
  );
}
