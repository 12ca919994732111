import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';
import { isSearch, LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { searchJobsPage } from '@/lib/jobs/search';

// GET /api/jobs: ListMediaInfoJobs under the list page's own parameter names, answered in ICE's shape;
// with any of the portal's own filters, a page of a search with its progress (see README, "Search").
export const GET = apiRoute(
  '/api/jobs',
  async (request, _context, { user }) => {
    const query = parseListQuery(request.nextUrl.searchParams);
    if (isSearch(query)) return { body: { ...(await searchJobsPage(query, { client: iceClient(), signal: request.signal, userKey: userKey(user) })) } };
    const { Jobs, NextPageToken, RequestId } = await iceClient().listMediaInfoJobs(query.ice, { signal: request.signal });
    return { body: { Jobs, NextPageToken, RequestId }, requestId: RequestId };
  },
  { params: LIST_QUERY_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
