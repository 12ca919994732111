import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { toPortalError } from '@/lib/errors';
import { exportWindow } from '@/lib/jobs/export-window';
import { getListConfig } from '@/lib/jobs/list-config';
import type { ListQuery } from '@/lib/jobs/list-query';
import { loadJobsPage } from '@/lib/jobs/queries';
import type { ExportCoverage } from './jobs-export';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';
import { SearchProgress } from './search-progress';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The part of /jobs that waits for ICE; it streams in behind the page's Suspense boundary. */
export async function JobsResults({ query }: { query: ListQuery }) {
  let page;
  try {
    page = await loadJobsPage(query);
  } catch (error) {
    return <PortalErrorPanel error={toPortalError(error)} what="list" />;
  }
  const { PageSize: _size, NextPageToken: _token, ...filters } = query.ice;
  const window = exportWindow(filters, query.search);
  const coverage: ExportCoverage = { cut: window.cut, from: iso(window.fromMs), to: iso(window.toMs), maxDays: window.maxDays };
  return (
    <>
      {page.search && <SearchProgress progress={page.search} more={!!page.pager.next} />}
      <JobsTable rows={page.rows} liveQuery={page.liveQuery} filtered={page.filtered} stuckAfterMs={getListConfig().stuckAfterMs} renderedAtMs={page.readAtMs} exportQuery={query} exportCoverage={coverage} />
      <JobsPager links={page.pager} scanning={!!page.search} />
    </>
  );
}
