import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { REGION_PARAM } from '@/lib/jobs/list-query';
import { parseRegion } from '@/lib/jobs/parse-list-query';
import { readJob } from '@/lib/jobs/reads';

// GET /api/jobs/:jobId[?Region=]: GetMediaInfoJob, answered in ICE's shape with the Region it was read
// in; without Region, looked up in every configured region. An unknown id is a 404.
export const GET = apiRoute(
  '/api/jobs/[jobId]',
  async (request, context: RouteContext<'/api/jobs/[jobId]'>) => {
    const given = request.nextUrl.searchParams.has(REGION_PARAM) ? parseRegion(request.nextUrl.searchParams) : undefined;
    const { MediaInfoJob, RequestId, Region } = await readJob((await context.params).jobId, { signal: request.signal }, given);
    return { body: { MediaInfoJob, RequestId, Region }, requestId: RequestId };
  },
  { params: [REGION_PARAM] },
);

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
