import 'server-only';
import type { AuthConfig } from './config';

// Cookie names and attributes. On https the __Host- prefix pins a cookie to this exact origin
// (Secure, Path=/, no Domain), so a sibling subdomain can neither set nor read it.

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

export type CookieKind = 'session' | 'login' | 'denied';

export function cookieName(config: OidcConfig, kind: CookieKind): string {
  return `${config.secureCookies ? '__Host-' : ''}ice-portal-${kind}`;
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
