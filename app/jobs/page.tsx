import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { FilterBar } from '@/components/job-list/filter-bar';
import { JobsResults } from '@/components/job-list/jobs-results';
import { JobsTableSkeleton } from '@/components/job-list/jobs-table-skeleton';
import { ListShortcuts } from '@/components/job-list/list-shortcuts';
import { SaveView } from '@/components/views/save-view';
import { RefusedFilters } from '@/components/job-list/refused-filters';
import { requireUser } from '@/lib/auth/require-user';
import { PortalError } from '@/lib/errors';
import { filterValues } from '@/lib/jobs/filter-values';
import { insightsHref, listHref, pageSizeOf, type ListQuery } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { specChoices } from '@/lib/specs/spec-config';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('list');
  return { title: t('title') };
}

export default async function JobsPage({ searchParams }: PageProps<'/jobs'>) {
  await requireUser();
  const t = await getTranslations('list');
  const raw = await searchParams;
  const values = filterValues(raw);
  let query: ListQuery;
  try {
    query = parseListQuery(raw);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return <RefusedFilters heading={t('heading')} error={error} values={values} path="/jobs" />;
  }
  // Not the selection: ticking a box changes the URL but is no new question.
  const key = listHref({ ...query, selected: undefined });
  return (
    <>
      <div className="page-heading">
        <h1>{t('heading')}</h1>
        <div className="heading-tools">
          <Link href={insightsHref(query)} prefetch={false}>
            {t('insightsLink')}
          </Link>
          <SaveView />
          <ListShortcuts />
        </div>
      </div>
      <FilterBar key={`filters|${key}`} values={values} searchDefaultDays={DEFAULT_SEARCH_DAYS} specs={specChoices()} />
      <Suspense key={`results|${key}`} fallback={<JobsTableSkeleton rows={pageSizeOf(query)} />}>
        <JobsResults query={query} />
      </Suspense>
    </>
  );
}
