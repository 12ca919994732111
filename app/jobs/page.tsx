import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { JobsExport } from '@/components/job-list/jobs-export';
import { JobsFilters } from '@/components/job-list/jobs-filters';
import { JobsResults } from '@/components/job-list/jobs-results';
import { JobsSearch } from '@/components/job-list/jobs-search';
import { JobsTableSkeleton } from '@/components/job-list/jobs-table-skeleton';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { requireUser } from '@/lib/auth/require-user';
import { PortalError } from '@/lib/errors';
import { listHref, pageSizeOf, type ListQuery } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

export const metadata: Metadata = { title: 'Jobs' };

export default async function JobsPage({ searchParams }: PageProps<'/jobs'>) {
  await requireUser();
  let query: ListQuery;
  try {
    query = parseListQuery(await searchParams);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return (
      <>
        <h1>Media-info jobs</h1>
        <PortalErrorPanel error={error} what="the job list" />
        <p>
          <Link href="/jobs">Start again with no filters</Link>
        </p>
      </>
    );
  }
  const key = listHref(query);
  return (
    <>
      <h1>Media-info jobs</h1>
      {/* Keys differ between siblings: a key shared by two siblings made React render the filters twice. */}
      <JobsFilters key={`filters|${key}`} query={query} />
      <JobsSearch key={`search|${key}`} query={query} />
      <JobsExport query={query} />
      <Suspense key={`results|${key}`} fallback={<JobsTableSkeleton rows={pageSizeOf(query)} />}>
        <JobsResults query={query} />
      </Suspense>
    </>
  );
}
