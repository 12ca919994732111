import { methodNotAllowed, NO_STORE } from '@/lib/http/error-response';

// Liveness only: answers without touching ICE, so a slow upstream never restarts a healthy process.
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: NO_STORE });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
