import { forbiddenToList, methodNotAllowed } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/json-body';
import { createToken, isTokenAdmin, listEveryonesTokens, listTokens, tokensOn } from '@/lib/tokens/api-tokens';

// GET /api/tokens: the signed-in person's API tokens (`?All=true`: everyone's, for API_TOKEN_ADMIN_GROUPS).
// POST /api/tokens {Name, ExpiresInDays, Scope}: makes one and answers its secret, this once. Both from a
// browser's session only: a token never makes or lists tokens.
export const GET = apiRoute(
  '/api/tokens',
  async (request, _context, { user }) => {
    tokensOn();
    const all = request.nextUrl.searchParams.get('All') === 'true';
    if (all && !isTokenAdmin(user)) throw forbiddenToList();
    return { body: { Tokens: all ? await listEveryonesTokens() : await listTokens(user) } };
  },
  { params: ['All'], sessionOnly: true },
);

export const POST = apiRoute('/api/tokens', async (request, _context, { user }) => ({ body: { ...(await createToken(user, await readJsonBody(request))) }, status: 201 }), {
  changesState: true,
  sessionOnly: true,
});

const onlyGetAndPost = () => errorResponse(methodNotAllowed('GET, POST'));
export { onlyGetAndPost as PUT, onlyGetAndPost as PATCH, onlyGetAndPost as DELETE };
