import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { parseListJobsQuery } from '@/lib/ice/schemas';

// GET /api/jobs: ListMediaInfoJobs under the API's own parameter names, answered in ICE's shape.
export const GET = apiRoute(
  '/api/jobs',
  async (request) => {
    const query = parseListJobsQuery(request.nextUrl.searchParams);
    const { Jobs, NextPageToken, RequestId } = await iceClient().listMediaInfoJobs(query, { signal: request.signal });
    return { body: { Jobs, NextPageToken, RequestId }, requestId: RequestId };
  },
  { params: LIST_JOBS_PARAMS },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
