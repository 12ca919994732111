import { iceClient } from '@/lib/ice/client';
import { listJobsSearchParams } from '@/lib/ice/list-jobs-params';
import type { ListJobsQuery } from '@/lib/ice/schemas';
import { toPortalError } from '@/lib/errors';
import { summarizeJob } from '@/lib/jobs/job-summary';
import { pagerLinks } from '@/lib/jobs/page-trail';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { JobsPager } from './jobs-pager';
import { JobsTable } from './jobs-table';

/** The part of /jobs that waits for ICE; it streams in behind the page's Suspense boundary. */
export async function JobsResults({ query, trail }: { query: ListJobsQuery; trail: string[] }) {
  let page;
  try {
    page = await iceClient().listMediaInfoJobs(query);
  } catch (error) {
    return <PortalErrorPanel error={toPortalError(error)} what="the job list" />;
  }
  const { NextPageToken: _token, PageSize: _size, OrderBy: _order, ...filters } = query;
  return (
    <>
      <JobsTable
        rows={page.Jobs.map(summarizeJob)}
        liveQuery={query.NextPageToken ? undefined : listJobsSearchParams(query).toString()}
        filtered={Object.keys(filters).length > 0}
      />
      <JobsPager links={pagerLinks('/jobs', query, trail, page.NextPageToken)} />
    </>
  );
}
