import 'server-only';
import { checkAccess, userKey, type AccessDenial, type User } from '@/lib/auth/access';
import { getAuthConfig } from '@/lib/auth/config';
import { refreshedSession, type SealedCookie } from '@/lib/auth/session';
import { viewerFrom, type RequestCredentials, type Viewer } from '@/lib/auth/viewer';
import type { TokenRefusal } from '@/lib/errors';
import { authenticateToken, type TokenHolder } from '@/lib/tokens/api-tokens';
import { userRateLimiter } from './rate-limit';

// Whether a request may go on to read ICE: a known and allowed user with budget left, pages and API
// alike (one per-user budget, AUTH_RATE_LIMIT_PER_MINUTE). The API gate and proxy.ts turn the answer
// into their own responses; neither calls ICE for a refused or limited request.

export type Admission =
  /** `sessionId`: the OIDC session's id, what a CSRF token is bound to. */
  | { kind: 'admitted'; user: User; refreshedSession?: SealedCookie; sessionId?: string }
  | { kind: 'refused'; viewer: Exclude<Viewer, { kind: 'user' }> }
  | { kind: 'limited'; user: User; waitSeconds: number };

export async function admit(credentials: RequestCredentials): Promise<Admission> {
  const viewer = await viewerFrom(credentials);
  if (viewer.kind !== 'user') return { kind: 'refused', viewer };
  const config = getAuthConfig();
  const waitSeconds = await userRateLimiter(config.AUTH_RATE_LIMIT_PER_MINUTE).take(userKey(viewer.user));
  if (waitSeconds > 0) return { kind: 'limited', user: viewer.user, waitSeconds };
  const refreshed = config.mode === 'oidc' && viewer.session ? refreshedSession(config, viewer.session) : undefined;
  return { kind: 'admitted', user: viewer.user, ...(refreshed ? { refreshedSession: refreshed } : {}), ...(viewer.session ? { sessionId: viewer.session.sid } : {}) };
}

/** A Next request's cookies and headers, as the viewer reads them. */
export const credentialsOf = (request: { cookies: { get(name: string): { value: string } | undefined }; headers: Headers }): RequestCredentials => ({
  cookie: (name) => request.cookies.get(name)?.value,
  header: (name) => request.headers.get(name),
});

export type TokenAdmission =
  | ({ kind: 'admitted' } & TokenHolder)
  | { kind: 'refused'; reason: TokenRefusal; id?: string }
  | { kind: 'denied'; reason: AccessDenial; id: string }
  | ({ kind: 'limited'; waitSeconds: number } & TokenHolder);

/**
 * The same question for an API token: it acts as its user as they were when it was made, under today's
 * allow-lists, with a rate budget of its own (a busy script does not spend its owner's page loads).
 */
export async function admitToken(text: string): Promise<TokenAdmission> {
  const held = await authenticateToken(text);
  if ('refused' in held) return { kind: 'refused', ...held, reason: held.refused };
  const config = getAuthConfig();
  const denial = config.mode === 'none' ? undefined : checkAccess(held.user, config);
  if (denial) return { kind: 'denied', reason: denial, id: held.token.id };
  const waitSeconds = await userRateLimiter(config.AUTH_RATE_LIMIT_PER_MINUTE).take(`token:${held.token.id}`);
  return waitSeconds > 0 ? { kind: 'limited', waitSeconds, ...held } : { kind: 'admitted', ...held };
}
