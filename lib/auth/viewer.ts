import 'server-only';
import { cookies, headers } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { checkAccess, identityFromClaims, type AccessDenial, type User } from './access';
import { getAuthConfig } from './config';
import { cookieName } from './cookies';
import { verifyProxyJwt } from './proxy-jwt';
import { inspectSession, openDenied, type Session, type SessionRefusal } from './session';

// Who is asking, in any auth mode. Allow-lists are checked on every request, not only at login, so
// narrowing AUTH_ALLOWED_* takes effect at once.

/** Why nobody is signed in: no credentials at all, or credentials that were refused (and why). */
export type AnonymousReason = 'no_credentials' | Exclude<SessionRefusal, 'missing'>;

export type Viewer =
  | { kind: 'user'; user: User; session?: Session }
  | { kind: 'anonymous'; reason: AnonymousReason }
  | { kind: 'denied'; reason: AccessDenial | 'no_proxy_token'; email?: string };

export const LOCAL_USER: User = { sub: 'local', name: 'Local user (no sign-in)', groups: [], emailVerified: false };

/** What the viewer is read from: a page's next/headers, or the request itself in proxy.ts. */
export interface RequestCredentials {
  cookie(name: string): string | undefined;
  header(name: string): string | null;
}

export async function viewerFrom(request: RequestCredentials): Promise<Viewer> {
  const config = getAuthConfig();
  if (config.mode === 'none') return { kind: 'user', user: LOCAL_USER };

  if (config.mode === 'oidc') {
    const inspected = await inspectSession(config, request.cookie(cookieName(config, 'session')));
    if ('session' in inspected) {
      const { sid: _sid, seen: _seen, exp: _exp, idToken: _idToken, ...user } = inspected.session;
      const denial = checkAccess(user, config);
      return denial ? { kind: 'denied', reason: denial, email: user.email } : { kind: 'user', user, session: inspected.session };
    }
    const denied = openDenied(config, request.cookie(cookieName(config, 'denied')));
    if (denied) return { kind: 'denied', ...denied };
    return { kind: 'anonymous', reason: inspected.refusal === 'missing' ? 'no_credentials' : inspected.refusal };
  }

  const token = request.header(config.AUTH_PROXY_JWT_HEADER);
  const claims = token ? await verifyProxyJwt(config, token) : undefined;
  if (!claims) return token ? { kind: 'anonymous', reason: 'invalid' } : { kind: 'denied', reason: 'no_proxy_token' };
  const user = identityFromClaims(claims, config);
  const denial = checkAccess(user, config);
  return denial ? { kind: 'denied', reason: denial, email: user.email } : { kind: 'user', user };
}

/** Once per request, however many layouts, pages and menus ask. */
export const currentViewer = cache(async (): Promise<Viewer> => {
  // Who is asking is known only at request time: never let a page that asks be prerendered at build.
  await connection();
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return viewerFrom({ cookie: (name) => jar.get(name)?.value, header: (name) => head.get(name) });
});
