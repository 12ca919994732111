import type { NextRequest } from 'next/server';
import { errorResponse, methodNotAllowed, NO_STORE } from '@/lib/http/error-response';
import { iceClient } from '@/lib/ice/client';
import { parseListJobsQuery } from '@/lib/ice/schemas';

// GET /api/jobs: ListMediaInfoJobs under the API's own parameter names, answered in ICE's shape.
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const query = parseListJobsQuery(request.nextUrl.searchParams);
    const { Jobs, NextPageToken, RequestId } = await iceClient().listMediaInfoJobs(query, { signal: request.signal });
    return Response.json({ Jobs, NextPageToken, RequestId }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
