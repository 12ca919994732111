import { NextResponse, type NextRequest } from 'next/server';
import { cookieNameFor } from '@/lib/auth/cookie-names';
import { authModeFrom } from '@/lib/auth/mode';
import { RETURN_TO_HEADER } from '@/lib/auth/return-to';
import { requestIdFor } from '@/lib/http/request-id';
import { isSameOrigin } from '@/lib/http/same-origin';

// Runs before every page and /auth route: a fresh CSP nonce, the exact URL for the login round trip,
// a request id, and a same-origin check for anything but GET/HEAD. It is not an auth gate: every page
// and route checks the user itself (lib/auth/require-user.ts). /api is left out: JSON needs no CSP, its
// routes accept only GET and set their own request id, and skipping the proxy saves about 1 ms a call.

function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes; an injected style cannot run script, so inline styles are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Signing out posts to the portal, which redirects to the IdP's logout: form-action covers that hop.
    `form-action 'self'${idpOrigin()}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function proxy(request: NextRequest): NextResponse {
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && !isSameOrigin(request, process.env.APP_URL || undefined)) {
    return NextResponse.json({ error: { code: 'cross_origin', message: 'Requests that change state must come from the portal itself.' } }, { status: 403 });
  }

  // Early, cheap redirect for pages when no session cookie exists at all, so a deep link gets a real
  // 307 before any streaming starts. The page still checks the cookie itself (requireUser).
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (needsLogin(request)) {
    return NextResponse.redirect(new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, request.url), 307);
  }

  const requestId = requestIdFor(request.headers.get('x-request-id'));

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set(RETURN_TO_HEADER, returnTo);
  requestHeaders.set('x-request-id', requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-request-id', requestId);
  return response;
}

function idpOrigin(): string {
  try {
    return process.env.OIDC_ISSUER ? ` ${new URL(process.env.OIDC_ISSUER).origin}` : '';
  } catch {
    return '';
  }
}

function needsLogin(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  if (authModeFrom(process.env) !== 'oidc' || request.method !== 'GET' || !(pathname === '/jobs' || pathname.startsWith('/jobs/'))) return false;
  return !request.cookies.has(cookieNameFor('session', !!process.env.APP_URL?.startsWith('https:')));
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
