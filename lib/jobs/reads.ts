import 'server-only';
import { jobLookupIncomplete, toPortalError } from '@/lib/errors';
import { iceClient } from '@/lib/ice/client';
import { configuredRegions } from '@/lib/ice/regions';
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
  const { Jobs, NextPageToken, RequestId } = await iceClient(query.region).listMediaInfoJobs(query.ice, { signal: context.signal });
  return { Jobs, NextPageToken, RequestId };
}

/** A job, with the region it was read in. */
export type FoundJob = GetJobResponse & { Region: string };

/**
 * One job: in `region`, or, when none is said and the portal reads several, in every region at once.
 * The first region that has it answers (the others' calls are stopped); not found anywhere is a 404;
 * not found where regions answered while others failed is a 503 naming both (whether it exists cannot
 * be said). One region failing never hides a job another has.
 */
export async function readJob(jobId: string, context: ReadContext = {}, region?: string): Promise<FoundJob> {
  const regions = region ? [region] : configuredRegions().map((r) => r.region);
  if (regions.length === 1) return { ...(await iceClient(regions[0]).getMediaInfoJob(jobId, { signal: context.signal })), Region: regions[0]! };
  const stop = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal;
  const notFoundIn: string[] = [];
  const failedIn: { region: string; error: unknown }[] = [];
  try {
    return await Promise.any(
      regions.map(async (each) => {
        try {
          return { ...(await iceClient(each).getMediaInfoJob(jobId, { signal })), Region: each };
        } catch (error) {
          if (toPortalError(error).code === 'job_not_found') notFoundIn.push(each);
          else failedIn.push({ region: each, error });
          throw error;
        }
      }),
    );
  } catch (error) {
    if (context.signal?.aborted) throw error;
    if (failedIn.length === 0) throw (error as AggregateError).errors[0];
    // One region's own refusal (a bad JobId) is the same in every region: say it as it is.
    const refused = failedIn.map((f) => toPortalError(f.error)).find((e) => e.status === 400);
    if (refused) throw refused;
    throw jobLookupIncomplete(regions.filter((r) => notFoundIn.includes(r)), regions.filter((r) => failedIn.some((f) => f.region === r)));
  } finally {
    stop.abort();
  }
}
