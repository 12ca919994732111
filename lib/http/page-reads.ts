import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { userKey } from '@/lib/auth/access';
import { currentViewer } from '@/lib/auth/viewer';
import { toPortalError } from '@/lib/errors';
import { keptInsights, readInsights, type Insights } from '@/lib/insights/read-insights';
import { jobsPageOf, type JobsPage } from '@/lib/jobs/jobs-page';
import { filterSetOf, LIST_QUERY_PARAMS, listQuerySearchParams, REGION_PARAM, withListPageSize, type ListQuery } from '@/lib/jobs/list-query';
import { readJob, readJobsPage, type FoundJob } from '@/lib/jobs/reads';
import { writeAuditLine } from './audit';
import { CLIENT_REQUEST_ID_HEADER } from './request-id';
import { takeRequestSignal } from './request-signals';

// What the pages read, through the same reads as the API (lib/jobs/reads.ts), each writing the same
// audit line as the API (the rate budget was spent by proxy.ts), so a page and a script asking the same
// question leave the same trace. The request (its id, the viewer, the signal of a search) is read here
// and handed to lib/jobs as values.

async function audited<T extends object>(route: string, path: string, search: URLSearchParams, read: (context: { signal?: AbortSignal; userKey?: string }) => Promise<T>): Promise<T> {
  const startedMs = Date.now();
  const [viewer, head] = await Promise.all([currentViewer(), headers()]);
  const requestId = head.get('x-request-id') ?? 'unknown';
  const user = viewer.kind === 'user' ? viewer.user : undefined;
  const base = { requestId, clientRequestId: head.get(CLIENT_REQUEST_ID_HEADER) ?? undefined, user, route, path, search, knownParams: LIST_QUERY_PARAMS, startedMs };
  try {
    // A search keeps its request's signal in proxy.ts, so a closed tab stops its scan.
    const answer = await read({ signal: takeRequestSignal(requestId), userKey: user ? userKey(user) : undefined });
    // A search makes many ICE calls and has no one RequestId to name.
    writeAuditLine({ ...base, status: 200, iceRequestId: 'RequestId' in answer && typeof answer.RequestId === 'string' ? answer.RequestId : undefined });
    return answer;
  } catch (error) {
    const known = toPortalError(error);
    writeAuditLine({ ...base, status: known.status, iceRequestId: known.requestId });
    throw known;
  }
}

/** One job per page render, shared by the page and its metadata: in `region`, or found in every region. */
export const loadJob = cache(
  (jobId: string, region?: string): Promise<FoundJob> =>
    audited('/jobs/[jobId]', `/jobs/${jobId}`, new URLSearchParams(region ? { [REGION_PARAM]: region } : {}), (context) => readJob(jobId, context, region)),
);

/** One page of the list as the table shows it: rows, the pager's links, the live query, a search's progress. */
export async function loadJobsPage(query: ListQuery): Promise<JobsPage> {
  // ICE and the search are asked for the list's page size (20 unless the URL says).
  const answer = await audited('/jobs', '/jobs', listQuerySearchParams(query), (context) => readJobsPage(withListPageSize(query), context));
  return jobsPageOf(query, answer, Date.now());
}

/**
 * The insights of the page's filters: only those kept in the store (`keptOnly`, a store read; the
 * browser streams the scan), or scanned during the render, stopped when the tab closes.
 */
export async function loadInsights(query: ListQuery, keptOnly: boolean): Promise<Insights | undefined> {
  const set = filterSetOf(query);
  const answer = await audited('/insights', '/insights', listQuerySearchParams(query), async (context) => ({
    insights: keptOnly ? await keptInsights(set) : await readInsights(set, context),
  }));
  return answer.insights;
}
