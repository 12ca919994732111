import 'server-only';
import { cookieNameFor, type CookieKind } from './cookie-names';
import type { AuthConfig } from './config';

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

export function cookieName(config: OidcConfig, kind: CookieKind): string {
  return cookieNameFor(kind, config.secureCookies);
}

export function cookieOptions(config: OidcConfig, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'lax' as const,
    path: '/',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}
