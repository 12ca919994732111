import { userKey } from '@/lib/auth/access';
import { methodNotAllowed } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/json-body';
import { createView, listViews } from '@/lib/views/saved-views';

// GET /api/views: the signed-in person's saved views. POST /api/views {Name, Url}: saves one.
export const GET = apiRoute('/api/views', async (_request, _context, { user }) => ({ body: { Views: await listViews(userKey(user)) } }));

export const POST = apiRoute(
  '/api/views',
  async (request, _context, { user }) => ({ body: { View: await createView(userKey(user), await readJsonBody(request)) }, status: 201 }),
  { changesState: true },
);

const onlyGetAndPost = () => errorResponse(methodNotAllowed('GET, POST'));
export { onlyGetAndPost as PUT, onlyGetAndPost as PATCH, onlyGetAndPost as DELETE };
