import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { readInsights, refuseListOnly } from '@/lib/insights/read-insights';
import { filterSetOf, LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

// GET /api/insights?<the list's filters>: what happened across the matching jobs (counts by status, a
// timeline, failure groups, processing times, the media mix), over a week when no start is given.
export const GET = apiRoute(
  '/api/insights',
  async (request, _context, { user }) => {
    refuseListOnly(request.nextUrl.searchParams);
    const set = filterSetOf(parseListQuery(request.nextUrl.searchParams));
    return { body: { ...(await readInsights(set, { signal: request.signal, userKey: userKey(user) })) } };
  },
  { params: LIST_QUERY_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
