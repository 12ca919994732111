import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { currentViewer } from '@/lib/auth/viewer';
import { toPortalError } from '@/lib/errors';
import { writeAuditLine } from '@/lib/http/audit';
import { CLIENT_REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { iceClient } from '@/lib/ice/client';
import type { GetJobResponse } from '@/lib/ice/schemas';
import { summarizeJob, type JobRow } from './job-summary';
import { isFiltered, LIST_QUERY_PARAMS, liveQueryOf, listQuerySearchParams, pagerLinks, type ListQuery, type PagerLinks } from './list-query';

// What the pages read, in the Learn dashboard's data.ts style: each read goes to ICE through the one
// client and writes the same audit line as the API (the rate budget was spent by proxy.ts), so a page
// and a script asking the same question leave the same trace.

export interface JobsPage {
  rows: JobRow[];
  pager: PagerLinks;
  /** The query string the first page refreshes with; undefined past the first page. */
  liveQuery?: string;
  filtered: boolean;
}

async function audited<T extends { RequestId?: string }>(route: string, path: string, search: URLSearchParams, read: () => Promise<T>): Promise<T> {
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
    writeAuditLine({ ...base, status: 200, iceRequestId: answer.RequestId });
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

/** One page of the list as the table shows it: rows, the pager's links, and the live query. */
export async function loadJobsPage(query: ListQuery): Promise<JobsPage> {
  const search = listQuerySearchParams(query);
  const page = await audited('/jobs', '/jobs', search, () => iceClient().listMediaInfoJobs(query.ice));
  return { rows: page.Jobs.map(summarizeJob), pager: pagerLinks(query, page.NextPageToken), liveQuery: liveQueryOf(query), filtered: isFiltered(query) };
}
