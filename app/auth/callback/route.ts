import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName } from '@/lib/auth/cookies';
import { setAuthCookie } from '@/lib/auth/session';
import { completeSignIn, type SignInOutcome } from '@/lib/auth/sign-in';
import { signInErrorPage, type SignInFailure } from '@/lib/http/html-page';
import { seeOther } from '@/lib/http/see-other';

// Every way a callback can fail has its page (words in messages/*.json under auth.failures).
const FAILURES: Record<Exclude<SignInOutcome['kind'], 'signed_in' | 'denied'>, SignInFailure> = {
  expired: 'expired',
  idp_refused: 'idp_refused',
  unverified: 'unverified',
  too_large: 'too_large',
};

// GET /auth/callback: the IdP sends the user back with a code; a session, a 403, or a page saying why not.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (config.mode !== 'oidc') return seeOther('/jobs');
  const outcome = await completeSignIn(config, request.nextUrl, request.cookies.get(cookieName(config, 'login'))?.value);
  if (outcome.kind !== 'signed_in' && outcome.kind !== 'denied') return signInErrorPage(request, 400, FAILURES[outcome.kind]);
  const response = NextResponse.redirect(new URL(outcome.kind === 'signed_in' ? outcome.returnTo : '/auth/denied', config.APP_URL), 303);
  setAuthCookie(response.cookies, config, 'login', undefined);
  if (outcome.kind === 'signed_in') setAuthCookie(response.cookies, config, 'session', outcome.session);
  setAuthCookie(response.cookies, config, 'denied', outcome.kind === 'denied' ? outcome.denied : undefined);
  return response;
}
