import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { userKey } from '@/lib/auth/access';
import { currentViewer } from '@/lib/auth/viewer';
import { toPortalError } from '@/lib/errors';
import { writeAuditLine } from '@/lib/http/audit';
import { CLIENT_REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { takeRequestSignal } from '@/lib/http/request-signals';
import { iceClient } from '@/lib/ice/client';
import type { GetJobResponse } from '@/lib/ice/schemas';
import { summarizeJob, type JobRow } from './job-summary';
import { isFiltered, isSearch, LIST_QUERY_PARAMS, liveQueryOf, listQuerySearchParams, pagerLinks, withListPageSize, type ListQuery, type PagerLinks } from './list-query';
import { searchJobsPage, type SearchPage } from './search';

// What the pages read, in the Learn dashboard's data.ts style: each read goes to ICE through the one
// client and writes the same audit line as the API (the rate budget was spent by proxy.ts), so a page
// and a script asking the same question leave the same trace.

export interface JobsPage {
  rows: JobRow[];
  pager: PagerLinks;
  /** The query string the first page refreshes with; undefined past the first page. */
  liveQuery?: string;
  filtered: boolean;
  /** When ICE answered: the page's "now" for what it says about time (a job's "possibly stuck" age). */
  readAtMs: number;
  /** For a search: how far the scan has come, over which window, and whether a bound stopped it. */
  search?: Omit<SearchPage, 'Jobs' | 'NextPageToken'>;
}

async function audited<T extends object>(route: string, path: string, search: URLSearchParams, read: () => Promise<T>): Promise<T> {
  const startedMs = Date.now();
  const [viewer, head] = await Promise.all([currentViewer(), headers()]);
  const base = {
    requestId: head.get('x-request-id') ?? 'unknown',
    clientRequestId: head.get(CLIENT_REQUEST_ID_HEADER) ?? undefined,
    user: viewer.kind === 'user' ? viewer.user : undefined,
    route,
    path,
    search,
    knownParams: LIST_QUERY_PARAMS,
    startedMs,
  };
  try {
    const answer = await read();
    // A search makes many ICE calls and has no one RequestId to name.
    writeAuditLine({ ...base, status: 200, iceRequestId: 'RequestId' in answer && typeof answer.RequestId === 'string' ? answer.RequestId : undefined });
    return answer;
  } catch (error) {
    const known = toPortalError(error);
    writeAuditLine({ ...base, status: known.status, iceRequestId: known.requestId });
    throw known;
  }
}

/** One GetMediaInfoJob per page render, shared by the page and its metadata. */
export const loadJob = cache(
  (jobId: string): Promise<GetJobResponse> =>
    audited('/jobs/[jobId]', `/jobs/${jobId}`, new URLSearchParams(), () => iceClient().getMediaInfoJob(jobId)),
);

/** One page of the list as the table shows it: rows, the pager's links, the live query, a search's progress. */
export async function loadJobsPage(query: ListQuery): Promise<JobsPage> {
  const params = listQuerySearchParams(query);
  // ICE, the search and the live refresh are asked for the list's page size; links keep the URL's own.
  const sized = withListPageSize(query);
  const base = { liveQuery: liveQueryOf(sized), filtered: isFiltered(query) };
  if (isSearch(query)) {
    const [viewer, head] = await Promise.all([currentViewer(), headers()]);
    const options = {
      client: iceClient(),
      signal: takeRequestSignal(head.get('x-request-id')),
      userKey: viewer.kind === 'user' ? userKey(viewer.user) : undefined,
    };
    const { Jobs, NextPageToken, ...progress } = await audited('/jobs', '/jobs', params, () => searchJobsPage(sized, options));
    return { ...base, rows: Jobs.map(summarizeJob), pager: pagerLinks(query, NextPageToken), readAtMs: Date.now(), search: progress };
  }
  const page = await audited('/jobs', '/jobs', params, () => iceClient().listMediaInfoJobs(sized.ice));
  return { ...base, rows: page.Jobs.map(summarizeJob), pager: pagerLinks(query, page.NextPageToken), readAtMs: Date.now() };
}
