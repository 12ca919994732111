import { apiRoute } from '@/lib/http/api-route';
import { onlyGet } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';

// GET /api/jobs/:jobId: GetMediaInfoJob, answered in ICE's shape; an unknown id is a 404.
export const GET = apiRoute('/api/jobs/[jobId]', async (request, context: RouteContext<'/api/jobs/[jobId]'>) => {
  const { jobId } = await context.params;
  const { MediaInfoJob, RequestId } = await iceClient().getMediaInfoJob(jobId, { signal: request.signal });
  return { body: { MediaInfoJob, RequestId }, requestId: RequestId };
});

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
