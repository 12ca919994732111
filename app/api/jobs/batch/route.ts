import { methodNotAllowed } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/json-body';
import { batchBodySchema } from '@/lib/submit/submit-input';
import { BATCH_BODY_BYTES } from '@/lib/submit/submit-limits';
import { requireBody, submitBatch, submitContextOf } from '@/lib/submit/submit-jobs';

// POST /api/jobs/batch {Inputs: [...], Name, UserData, ScheduleConfig}: up to 100 probes, each line
// answered on its own (its JobId or its error); the batch opens afterwards as a search (ListUrl).
export const POST = apiRoute(
  '/api/jobs/batch',
  async (request, _context, { user, requestId, token }) => {
    const body = requireBody(batchBodySchema, await readJsonBody(request, BATCH_BODY_BYTES));
    return { body: { ...(await submitBatch(body, submitContextOf(user, requestId, request.signal, token?.id))) } };
  },
  { submits: true },
);

const onlyPost = () => errorResponse(methodNotAllowed('POST'));
export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
