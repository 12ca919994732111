import { methodNotAllowed } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { errorResponse } from '@/lib/http/error-response';
import { isTokenAdmin, revokeToken } from '@/lib/tokens/api-tokens';

// DELETE /api/tokens/<Id>: revokes one of the signed-in person's tokens (anyone's, for an admin), on
// every instance at once. Another person's id is a 404, as an unknown one is.
export const DELETE = apiRoute(
  '/api/tokens/[tokenId]',
  async (_request, { params }: RouteContext<'/api/tokens/[tokenId]'>, { user }) => {
    await revokeToken(user, (await params).tokenId, isTokenAdmin(user));
    return { body: {}, status: 204 };
  },
  { changesState: true, sessionOnly: true },
);

const onlyDelete = () => errorResponse(methodNotAllowed('DELETE'));
export { onlyDelete as GET, onlyDelete as POST, onlyDelete as PUT, onlyDelete as PATCH };
