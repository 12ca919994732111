import { NO_STORE, onlyGet } from '@/lib/http/error-response';

// Liveness only: answers without touching ICE, so a slow upstream never restarts a healthy process.
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: NO_STORE });
}

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
