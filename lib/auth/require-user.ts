import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { NO_STORE } from '@/lib/http/error-response';
import { getAuthConfig } from './config';
import { RateLimiter } from './rate-limit';
import { RETURN_TO_HEADER, safeReturnTo } from './return-to';
import { currentViewer, type User } from './viewer';

// The one gate every page and API route passes. proxy.ts only adds headers; it is not a gate.


/** For pages: the signed-in user, or a redirect to login that comes back to this exact URL. */
export async function requireUser(): Promise<User> {
  const viewer = await currentViewer();
  if (viewer.kind === 'user') return viewer.user;
  if (viewer.kind === 'denied') forbidden();
  const returnTo = safeReturnTo((await headers()).get(RETURN_TO_HEADER));
  redirect(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
}

let limiter: RateLimiter | undefined;

/** For API routes: the user, or the 401/403/429 answer to send instead (and no upstream call). */
export async function authorizeApiRequest(): Promise<User | Response> {
  const viewer = await currentViewer();
  if (viewer.kind === 'anonymous') {
    return apiError(401, 'unauthenticated', 'Sign in first: open the portal in a browser and sign in, then call the API with that session.');
  }
  if (viewer.kind === 'denied') return apiError(403, 'forbidden', 'Your account is not allowed to use this portal.');
  const config = getAuthConfig();
  limiter ??= new RateLimiter(config.AUTH_RATE_LIMIT_PER_MINUTE);
  const wait = limiter.take(viewer.user.sub || viewer.user.email || 'anonymous');
  if (wait > 0) return apiError(429, 'rate_limited', `Too many requests: wait ${wait} s and try again.`, { 'Retry-After': String(wait) });
  return viewer.user;
}

function apiError(status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...extra } });
}
