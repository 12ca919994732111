import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('list');
  return { title: t('title') };
}

export default async function JobsPage({ searchParams }: PageProps<'/jobs'>) {
  await requireUser();
  const t = await getTranslations('list');
  let query: ListQuery;
  try {
    query = parseListQuery(await searchParams);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return (
      <>
        <h1>{t('heading')}</h1>
        <PortalErrorPanel error={error} what="list" />
        <p>
          <Link href="/jobs">{t('startAgain')}</Link>
        </p>
      </>
    );
  }
  const key = listHref(query);
  return (
    <>
      <h1>{t('heading')}</h1>
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
