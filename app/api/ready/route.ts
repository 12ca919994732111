import { NO_STORE, onlyGet } from '@/lib/http/error-response';
import { readiness } from '@/lib/health/readiness';

// Readiness for load balancers and orchestrators: yes or no, and the store's state (memory, redis, or
// degraded: Redis configured but not answering, still ready). Reasons are logged, not sent.
export async function GET(): Promise<Response> {
  const { ready, store, regions, index } = await readiness();
  return Response.json({ status: ready ? 'ready' : 'not_ready', ...(store ? { store } : {}), ...(regions ? { regions } : {}), ...(index ? { index } : {}) }, { status: ready ? 200 : 503, headers: NO_STORE });
}

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
