import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { toPortalError } from '@/lib/errors';
import type { ListQuery } from '@/lib/jobs/list-query';
import { loadJobsPage } from '@/lib/jobs/queries';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';
import { SearchProgress } from './search-progress';

/** The part of /jobs that waits for ICE; it streams in behind the page's Suspense boundary. */
export async function JobsResults({ query }: { query: ListQuery }) {
  let page;
  try {
    page = await loadJobsPage(query);
  } catch (error) {
    return <PortalErrorPanel error={toPortalError(error)} what="list" />;
  }
  return (
    <>
      {page.search && <SearchProgress progress={page.search} more={!!page.pager.next} />}
      <JobsTable rows={page.rows} liveQuery={page.liveQuery} filtered={page.filtered} />
      <JobsPager links={page.pager} scanning={!!page.search} />
    </>
  );
}
