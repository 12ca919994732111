import { methodNotAllowed, NO_STORE } from '@/lib/http/error-response';
import { isReady } from '@/lib/health/readiness';

// Readiness for load balancers and orchestrators: no detail beyond yes or no (the reason is logged).
export async function GET(): Promise<Response> {
  const ready = await isReady();
  return Response.json({ status: ready ? 'ready' : 'not_ready' }, { status: ready ? 200 : 503, headers: NO_STORE });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
