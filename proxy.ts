import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieNameFor } from '@/lib/auth/cookie-names';
import { authModeFrom } from '@/lib/auth/mode';
import { RETURN_TO_HEADER } from '@/lib/auth/return-to';
import { setAuthCookie, type SealedCookie } from '@/lib/auth/session';
import { admit, credentialsOf } from '@/lib/http/admission';
import { crossOrigin, invalidPath, methodNotAllowed, tokenNotAccepted, toPortalError } from '@/lib/errors';
import { LineSampler } from '@/lib/http/audit';
import { bearerTokenOf } from '@/lib/http/bearer-token';
import { TOKEN_PREFIX } from '@/lib/tokens/token-limits';
import { errorResponse } from '@/lib/http/error-response';
import { badAddressPage, storeUnavailablePage, tooManyRequestsPage } from '@/lib/http/html-page';
import { CLIENT_REQUEST_ID_HEADER, clientRequestId, newRequestId } from '@/lib/http/request-id';
import { keepRequestSignal } from '@/lib/http/request-signals';
import { isSameOrigin } from '@/lib/http/same-origin';
import { SEARCH_PARAMS } from '@/lib/jobs/list-query';
import { log } from '@/lib/log/logger';

// Runs before every page and /auth route, and before /api paths that carry a percent sign. It is not
// an auth gate: every page and route checks the user itself (lib/auth/require-user.ts). In order:
// - a path that cannot be percent-decoded: 400 (Next.js would answer a bare 500 later);
// - a portal API token on a page: 401 (tokens work on /api only);
// - methods: pages answer GET and HEAD only (405); a state change must come from this origin (403);
// - a page that reads ICE without any session cookie: an early 307 to the login, before streaming;
// - a page that reads ICE: it spends the user's rate budget, shared with /api (429 page when spent),
//   and slides the session's idle expiry; a search keeps its request's signal for the page;
// - a fresh CSP nonce, the exact URL for the login round trip, and the portal's request id.
// The rest of /api is left out: JSON needs no CSP, its routes gate themselves, and skipping the proxy
// saves about 1 ms a call.

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

/** Route handlers under /auth that take other methods than GET answer for themselves. */
const POST_ROUTES = new Set(['/auth/logout']);

const readsIce = (pathname: string) => pathname === '/jobs' || pathname.startsWith('/jobs/') || pathname === '/insights';

/** Anyone can send bad addresses: their log lines are sampled (60 a minute, then a count). */
const undecodableLines = new LineSampler(60);

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const requestId = newRequestId();
  const isApi = pathname === '/api' || pathname.startsWith('/api/');

  if (!decodes(pathname)) {
    const sampled = undecodableLines.admit();
    if (sampled) log('warn', 'undecodable_path', { requestId, clientRequestId: clientRequestId(request.headers.get('x-request-id')), path: pathname.slice(0, 200), ...sampled });
    return isApi ? errorResponse(invalidPath()) : badAddressPage(request);
  }
  if (isApi) return NextResponse.next();
  // A script that sends its API token to a page gets told where tokens work, not a sign-in page. Only a
  // portal token: another Authorization (a proxy in front may add its own) is no concern of pages.
  if (bearerTokenOf(request.headers)?.startsWith(TOKEN_PREFIX)) return errorResponse(tokenNotAccepted('page'));

  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    if (!POST_ROUTES.has(pathname)) return errorResponse(methodNotAllowed('GET, HEAD', 'Pages answer GET and HEAD only.'));
    if (!isSameOrigin(request, process.env.APP_URL || undefined)) {
      return errorResponse(crossOrigin());
    }
  }

  const returnTo = `${pathname}${request.nextUrl.search}`;
  let refreshed: SealedCookie | undefined;
  if (readsIce(pathname)) {
    // Early, cheap redirect when no session cookie exists at all, so a deep link gets a real 307
    // before any streaming starts. The page still checks the cookie itself (requireUser).
    if (authModeFrom(process.env) === 'oidc' && !request.cookies.has(cookieNameFor('session', !!process.env.APP_URL?.startsWith('https:')))) {
      return NextResponse.redirect(new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, request.url), 307);
    }
    let admission: Awaited<ReturnType<typeof admit>>;
    try {
      admission = await admit(credentialsOf(request));
    } catch (error) {
      // Only the store can throw here (STORE_FAIL_CLOSED while Redis does not answer).
      return storeUnavailablePage(request, toPortalError(error), returnTo);
    }
    if (admission.kind === 'limited') {
      return tooManyRequestsPage(request, admission.waitSeconds, returnTo);
    }
    if (admission.kind === 'admitted') refreshed = admission.refreshedSession;
    // A search scans pages of ICE: its page stops them when the client goes away (request-signals.ts).
    // So do the insights the page scans itself (with INSIGHTS_CACHE_SECONDS=0); it takes the signal either way.
    if (admission.kind === 'admitted' && ((pathname === '/jobs' && SEARCH_PARAMS.some((name) => request.nextUrl.searchParams.has(name))) || pathname === '/insights')) {
      keepRequestSignal(requestId, request.signal);
    }
  }

  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set(RETURN_TO_HEADER, returnTo);
  requestHeaders.set('x-request-id', requestId);
  const clientId = clientRequestId(request.headers.get('x-request-id'));
  if (clientId) requestHeaders.set(CLIENT_REQUEST_ID_HEADER, clientId);
  else requestHeaders.delete(CLIENT_REQUEST_ID_HEADER);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-request-id', requestId);
  if (refreshed) {
    const config = getAuthConfig();
    if (config.mode === 'oidc') setAuthCookie(response.cookies, config, 'session', refreshed);
  }
  return response;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function idpOrigin(): string {
  try {
    return process.env.OIDC_ISSUER ? ` ${new URL(process.env.OIDC_ISSUER).origin}` : '';
  } catch {
    return '';
  }
}

export const config = {
  // /api only when the path holds a percent sign: the one case its routes cannot answer themselves.
  // The exclusions are anchored: /favicon.icoX is a page (a 404) and gets its headers too. Images are
  // unoptimized (next.config.js), so /_next/image is a 404 page like any other.
  matcher: ['/((?!api/|api$|_next/static/|favicon\\.ico$).*)', '/api/:path((?:.*)%(?:.*))'],
};
