import { NO_STORE, onlyGet } from '@/lib/http/error-response';
import { isReady } from '@/lib/health/readiness';

// Readiness for load balancers and orchestrators: no detail beyond yes or no (the reason is logged).
export async function GET(): Promise<Response> {
  const ready = await isReady();
  return Response.json({ status: ready ? 'ready' : 'not_ready' }, { status: ready ? 200 : 503, headers: NO_STORE });
}

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
