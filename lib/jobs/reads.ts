import 'server-only';
import { iceClient } from '@/lib/ice/client';
import type { GetJobResponse, MediaInfoJob } from '@/lib/ice/schemas';
import { isSearch, type ListQuery } from './list-query';
import { searchJobsPage, type SearchPage } from './search';

// The reads of ICE that pages and API routes make, in one place: a page of the list (ICE's own page, or
// a page of a search when the portal's filters are in it) and one job. Exports read through the scan in
// export-download.ts. Who asks and how long they wait come in as values (ReadContext): this module knows
// no request, no cookie and no audit line; pages (lib/http/page-reads.ts) and routes (lib/http/api-route.ts)
// add those around it.

export interface ReadContext {
  /** Stops the read: the request's signal, or the page's client going away. */
  signal?: AbortSignal;
  /** Whose read it is (lib/auth/access.ts userKey): a search's ICE calls spend their scan budget. */
  userKey?: string;
}

/** A page of ICE's list, in ICE's own shape. */
export interface ListPage {
  Jobs: MediaInfoJob[];
  NextPageToken?: string;
  RequestId?: string;
}

export type JobsPageAnswer = ListPage | SearchPage;

export const isSearchAnswer = (answer: JobsPageAnswer): answer is SearchPage => 'ScannedJobs' in answer;

export async function readJobsPage(query: ListQuery, context: ReadContext = {}): Promise<JobsPageAnswer> {
  if (isSearch(query)) return searchJobsPage(query, { signal: context.signal, userKey: context.userKey });
  const { Jobs, NextPageToken, RequestId } = await iceClient().listMediaInfoJobs(query.ice, { signal: context.signal });
  return { Jobs, NextPageToken, RequestId };
}

export function readJob(jobId: string, context: ReadContext = {}): Promise<GetJobResponse> {
  return iceClient().getMediaInfoJob(jobId, { signal: context.signal });
}
