import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';
import { LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

// GET /api/jobs: ListMediaInfoJobs under the list page's own parameter names, answered in ICE's shape.
export const GET = apiRoute(
  '/api/jobs',
  async (request) => {
    const query = parseListQuery(request.nextUrl.searchParams);
    const { Jobs, NextPageToken, RequestId } = await iceClient().listMediaInfoJobs(query.ice, { signal: request.signal });
    return { body: { Jobs, NextPageToken, RequestId }, requestId: RequestId };
  },
  { params: LIST_QUERY_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
