// Cookie names, safe to import anywhere (proxy.ts included). On https the __Host- prefix pins a cookie
// to this exact origin (Secure, Path=/, no Domain), so a sibling subdomain can neither set nor read it.

export type CookieKind = 'session' | 'login' | 'denied';

export function cookieNameFor(kind: CookieKind, secure: boolean): string {
  return `${secure ? '__Host-' : ''}ice-portal-${kind}`;
}
