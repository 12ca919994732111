import 'server-only';
import { cookies, headers } from 'next/headers';
import { connection } from 'next/server';
import { checkAccess, identityFromClaims, type AccessDenial, type Identity } from './access';
import { getAuthConfig } from './config';
import { cookieName } from './cookies';
import { verifyProxyJwt } from './proxy-jwt';
import { unseal } from './sealed-cookie';

// Who is asking, in any auth mode. Allow-lists are checked on every request, not only at login, so
// narrowing AUTH_ALLOWED_* takes effect at once.

export interface User extends Identity {
  emailVerified: boolean;
}

export interface SessionPayload extends User {
  /** Kept for RP-initiated logout's id_token_hint, when small enough for a cookie. */
  idToken?: string;
}

export interface DeniedPayload {
  email?: string;
  reason: AccessDenial;
}

export type Viewer =
  | { kind: 'user'; user: User; idToken?: string }
  | { kind: 'anonymous' }
  | { kind: 'denied'; reason: AccessDenial | 'no_proxy_token'; email?: string };

export const LOCAL_USER: User = { sub: 'local', name: 'Local user (no sign-in)', groups: [], emailVerified: false };

export async function currentViewer(): Promise<Viewer> {
  // Who is asking is known only at request time: never let a page that asks be prerendered at build.
  await connection();
  const config = getAuthConfig();
  if (config.mode === 'none') return { kind: 'user', user: LOCAL_USER };

  if (config.mode === 'oidc') {
    const jar = await cookies();
    const session = unseal<SessionPayload>(jar.get(cookieName(config, 'session'))?.value, config.AUTH_SECRET, 'session');
    if (session) {
      const { idToken, exp: _exp, ...user } = session as SessionPayload & { exp: number };
      const denial = checkAccess(user, config);
      return denial ? { kind: 'denied', reason: denial, email: user.email } : { kind: 'user', user, idToken };
    }
    const denied = unseal<DeniedPayload>(jar.get(cookieName(config, 'denied'))?.value, config.AUTH_SECRET, 'denied');
    return denied ? { kind: 'denied', ...denied } : { kind: 'anonymous' };
  }

  const token = (await headers()).get(config.AUTH_PROXY_JWT_HEADER);
  const claims = token ? await verifyProxyJwt(config, token) : undefined;
  if (!claims) return token ? { kind: 'anonymous' } : { kind: 'denied', reason: 'no_proxy_token' };
  const user = identityFromClaims(claims, config);
  const denial = checkAccess(user, config);
  return denial ? { kind: 'denied', reason: denial, email: user.email } : { kind: 'user', user };
}
