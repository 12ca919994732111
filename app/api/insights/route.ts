import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { readInsights, refuseListOnly, streamInsights } from '@/lib/insights/read-insights';
import { filterSetOf, LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

// GET /api/insights?<the list's filters>: what happened across the matching jobs (counts by status, a
// timeline, failure groups, processing times, the media mix), over a week when no start is given.
// `Accept: application/x-ndjson` streams the figures so far while the scan runs, then the whole;
// `Cache-Control: no-cache` scans again instead of answering figures kept from a moment ago.
export const GET = apiRoute(
  '/api/insights',
  async (request, _context, { user }) => {
    refuseListOnly(request.nextUrl.searchParams);
    const set = filterSetOf(parseListQuery(request.nextUrl.searchParams));
    const context = { signal: request.signal, userKey: userKey(user) };
    const fresh = /\bno-cache\b/i.test(request.headers.get('cache-control') ?? '');
    if (/\bapplication\/x-ndjson\b/i.test(request.headers.get('accept') ?? '')) {
      return { stream: await streamInsights(set, context, { fresh }), headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } };
    }
    return { body: { ...(await readInsights(set, context, Date.now(), { fresh })) } };
  },
  { params: LIST_QUERY_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
