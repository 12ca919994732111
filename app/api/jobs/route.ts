import { userKey } from '@/lib/auth/access';
import { apiRoute } from '@/lib/http/api-route';
import { methodNotAllowed } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/json-body';
import { LIST_QUERY_PARAMS } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { readJobsPage } from '@/lib/jobs/reads';
import { requireBody, submitContextOf, submitJob } from '@/lib/submit/submit-jobs';
import { submitBodySchema } from '@/lib/submit/submit-input';

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

// POST /api/jobs {Input: {Type, Media}, Name, UserData, ScheduleConfig, Sync}: starts a probe (201 with
// its JobId), or with Sync runs it while the caller waits (200 with the finished job); a repeat within a
// minute answers 200 with the first JobId and Deduplicated. See README, "Probe a file".
export const POST = apiRoute(
  '/api/jobs',
  async (request, _context, { user, requestId, token }) => {
    const body = requireBody(submitBodySchema, await readJsonBody(request));
    const answer = await submitJob(body, submitContextOf(user, requestId, request.signal, token?.id));
    return { body: { ...answer }, status: answer.MediaInfoJob || answer.Deduplicated ? 200 : 201, requestId: answer.RequestId };
  },
  { submits: true },
);

const onlyGetAndPost = () => errorResponse(methodNotAllowed('GET, POST'));
export { onlyGetAndPost as PUT, onlyGetAndPost as PATCH, onlyGetAndPost as DELETE };
