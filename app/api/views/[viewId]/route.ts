import { userKey } from '@/lib/auth/access';
import { methodNotAllowed } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/json-body';
import { deleteView, renameView } from '@/lib/views/saved-views';

// PATCH /api/views/<Id> {Name}: renames one of the signed-in person's views. DELETE: removes it.
// Another person's view id is a 404, as an unknown one is.
export const PATCH = apiRoute(
  '/api/views/[viewId]',
  async (request, { params }: RouteContext<'/api/views/[viewId]'>, { user }) => ({
    body: { View: await renameView(userKey(user), (await params).viewId, await readJsonBody(request)) },
  }),
  { changesState: true },
);

export const DELETE = apiRoute(
  '/api/views/[viewId]',
  async (_request, { params }: RouteContext<'/api/views/[viewId]'>, { user }) => {
    await deleteView(userKey(user), (await params).viewId);
    return { body: {}, status: 204 };
  },
  { changesState: true },
);

const onlyPatchAndDelete = () => errorResponse(methodNotAllowed('PATCH, DELETE'));
export { onlyPatchAndDelete as GET, onlyPatchAndDelete as POST, onlyPatchAndDelete as PUT };
