import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { readJobsPage } from '@/lib/jobs/reads';

// GET /api/jobs: ListMediaInfoJobs under the list page's own parameter names, answered in ICE's shape;
// with any of the portal's own filters, a page of a search with its progress (see README, "Search").
export const GET = apiRoute(
  '/api/jobs',
  async (request, _context, { user }) => {
    const answer = await readJobsPage(parseListQuery(request.nextUrl.searchParams), { signal: request.signal, userKey: userKey(user) });
    return { body: { ...answer }, requestId: 'RequestId' in answer ? answer.RequestId : undefined };
  },
  { params: LIST_QUERY_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
