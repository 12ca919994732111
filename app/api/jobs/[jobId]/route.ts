import { errorResponse, methodNotAllowed, NO_STORE } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';

// GET /api/jobs/:jobId: GetMediaInfoJob, answered in ICE's shape; an unknown id is a 404.
export async function GET(request: Request, context: RouteContext<'/api/jobs/[jobId]'>): Promise<Response> {
  try {
    const { jobId } = await context.params;
    const { MediaInfoJob, RequestId } = await iceClient().getMediaInfoJob(jobId, { signal: request.signal });
    return Response.json({ MediaInfoJob, RequestId }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
