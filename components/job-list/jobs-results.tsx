import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { toPortalError } from '@/lib/errors';
import { getListConfig } from '@/lib/jobs/list-config';
import { filterSetOf, type ListQuery } from '@/lib/jobs/list-query';
import { planScan, widenForIndex } from '@/lib/jobs/scan-plan';
import { loadJobsPage } from '@/lib/http/page-reads';
import type { ExportCoverage } from './jobs-export';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';
import { SearchProgress } from './search-progress';
import { iceTime } from '@/lib/ice/ice-time';

/** The part of /jobs that waits for ICE; it streams in behind the page's Suspense boundary. */
export async function JobsResults({ query }: { query: ListQuery }) {
  let page;
  try {
    page = await loadJobsPage(query);
  } catch (error) {
    return <PortalErrorPanel error={toPortalError(error)} what="list" />;
  }
  // What an export of this list would cover, said by the Export control before it starts.
  // Only a cut range can change when the job index holds it whole: the list's page asks the index nothing else.
  const narrow = planScan(filterSetOf(query));
  const plan = narrow.cut === 'max_days' ? await widenForIndex(narrow, query.region) : narrow;
  // The days the control names: SCAN_MAX_DAYS where it cut the range, else the default window (finite even when the index lifts the bound).
  const coverage: ExportCoverage = { cut: plan.cut, from: iceTime(plan.window.fromMs), to: iceTime(plan.window.toMs), maxDays: plan.cut === 'max_days' ? plan.bounds.maxDays : plan.bounds.defaultDays };
  return (
    <>
      {page.search && <SearchProgress progress={page.search} more={!!page.pager.next} />}
      <JobsTable rows={page.rows} liveQuery={page.liveQuery} filtered={page.filtered} stuckAfterMs={getListConfig().stuckAfterMs} renderedAtMs={page.readAtMs} exportQuery={query} exportCoverage={coverage} />
      <JobsPager links={page.pager} scanning={!!page.search} />
    </>
  );
}
