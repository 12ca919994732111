import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { InsightsLoader, RefreshFigures } from '@/components/insights/insights-loader';
import { IndexCoverageNote } from '@/components/insights/index-coverage-note';
import { InsightsReport } from '@/components/insights/insights-report';
import { FilterBar } from '@/components/job-list/filter-bar';
import { RefusedFilters } from '@/components/job-list/refused-filters';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { TimeText } from '@/components/ui/time-text';
import { requireUser } from '@/lib/auth/require-user';
import { PortalError, toPortalError } from '@/lib/errors';
import { configuredRegions } from '@/lib/ice/regions';
import { refuseListOnly, type Insights } from '@/lib/insights/read-insights';
import { loadInsights } from '@/lib/http/page-reads';
import { DEFAULT_SEARCH_DAYS } from '@/lib/jobs/filter-set';
import { filterValues } from '@/lib/jobs/filter-values';
import { getScanConfig } from '@/lib/jobs/scan-config';
import { listHref, type ListQuery } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { specChoices } from '@/lib/specs/spec-config';

// /insights?<the list's filters>: the figures of the matching jobs. The shell and the filter bar come
// at once. Figures kept in the store (a reload, a second viewer) are drawn here on the server; without
// them the browser streams the scan from /api/insights, showing the figures so far, and when it ends
// the page is drawn again from the kept figures. With INSIGHTS_CACHE_SECONDS=0 nothing is kept, so the
// page scans here instead, behind a loading line.

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insights'))('title') };
}

/** `Wait=true`: the page waits for the figures and sends them whole (the way without JavaScript). */
const WAIT_PARAM = 'Wait';

/** The figures' own API address for this query: the scan a browser streams. */
const apiHrefOf = (query: ListQuery) => listHref(query, '/api/insights');

export default async function InsightsPage({ searchParams }: PageProps<'/insights'>) {
  await requireUser();
  const t = await getTranslations('insights');
  const raw = await searchParams;
  const values = filterValues(raw);
  let query: ListQuery;
  try {
    refuseListOnly(raw);
    query = parseListQuery(raw);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return <RefusedFilters heading={t('heading')} error={error} values={values} path="/insights" />;
  }
  const key = listHref(query, '/insights');
  const waits = raw[WAIT_PARAM] === 'true';
  const apiHref = apiHrefOf(query);
  // Figures kept in the store are drawn at once; else the browser streams the scan, unless nothing is
  // kept (INSIGHTS_CACHE_SECONDS=0), when the scan runs here behind the Suspense boundary.
  const keeps = getScanConfig().insightsCacheMs > 0;
  let kept: Insights | undefined;
  if (keeps) {
    try {
      kept = await loadInsights(query, true);
    } catch (error) {
      return <PortalErrorPanel error={toPortalError(error)} what="page" />;
    }
  }
  return (
    <>
      <div className="page-heading">
        <h1>{t('heading')}</h1>
        <div className="heading-tools">
          <Link href={listHref(query)} prefetch={false}>
            {t('toList')}
          </Link>
        </div>
      </div>
      <FilterBar key={`filters|${key}`} path="/insights" values={values} searchDefaultDays={DEFAULT_SEARCH_DAYS} specs={specChoices()} />
      <p className="muted insights-zone">{t('zoneNote')}</p>
      <IndexCoverageNote region={query.region ?? configuredRegions()[0]!.region} />
      {kept ? (
        <>
          <p className="insights-age">
            {t.rich('computedAt', { time: () => <TimeText iso={kept.ComputedAt} relative /> })} <RefreshFigures key={kept.ComputedAt} apiHref={apiHref} />
          </p>
          <InsightsReport insights={kept} query={query} />
        </>
      ) : keeps && !waits ? (
        <>
          <InsightsLoader key={key} apiHref={apiHref} />
          {/* Without JavaScript nothing streams: this link asks for the page once its figures are ready. */}
          <noscript>
            <p>
              <a href={`${key}${key.includes('?') ? '&' : '?'}${WAIT_PARAM}=true`}>{t('live.withoutScript')}</a>
            </p>
          </noscript>
        </>
      ) : waits ? (
        // Rendered whole, not behind Suspense: a browser without JavaScript cannot swap streamed parts in.
        <ScannedReport query={query} />
      ) : (
        <Suspense key={key} fallback={<p role="status">{t('live.reading')}</p>}>
          <ScannedReport query={query} />
        </Suspense>
      )}
    </>
  );
}

/** With nothing kept, the figures scanned during the render. */
async function ScannedReport({ query }: { query: ListQuery }) {
  let insights;
  try {
    insights = (await loadInsights(query, false))!;
  } catch (error) {
    return <PortalErrorPanel error={toPortalError(error)} what="page" />;
  }
  return <InsightsReport insights={insights} query={query} />;
}
