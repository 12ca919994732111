import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName } from '@/lib/auth/cookies';
import { setAuthCookie } from '@/lib/auth/session';
import { completeSignIn, type SignInOutcome } from '@/lib/auth/sign-in';
import { signInErrorPage } from '@/lib/http/html-page';
import { seeOther } from '@/lib/http/see-other';

const FAILURES: Record<Exclude<SignInOutcome['kind'], 'signed_in' | 'denied'>, [title: string, message: string]> = {
  expired: ['Sign-in expired', 'This sign-in link is no longer valid (it expired, or was opened in another browser). Start again.'],
  idp_refused: ['Sign-in was refused', 'The identity provider did not sign you in. Start again, or ask for access.'],
  unverified: ['Sign-in could not be verified', "The answer from the identity provider did not pass the portal's checks. Start again."],
  too_large: [
    'Sign-in could not be completed',
    'Your account carries more allowed groups or longer names than fit in a browser cookie, so the portal cannot keep you signed in. Ask the operators to shorten AUTH_ALLOWED_GROUPS.',
  ],
};

// GET /auth/callback: the IdP sends the user back with a code; a session, a 403, or a page saying why not.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (config.mode !== 'oidc') return seeOther('/jobs');
  const outcome = await completeSignIn(config, request.nextUrl, request.cookies.get(cookieName(config, 'login'))?.value);
  if (outcome.kind !== 'signed_in' && outcome.kind !== 'denied') return signInErrorPage(400, ...FAILURES[outcome.kind]);
  const response = NextResponse.redirect(new URL(outcome.kind === 'signed_in' ? outcome.returnTo : '/auth/denied', config.APP_URL), 303);
  setAuthCookie(response.cookies, config, 'login', undefined);
  if (outcome.kind === 'signed_in') setAuthCookie(response.cookies, config, 'session', outcome.session);
  setAuthCookie(response.cookies, config, 'denied', outcome.kind === 'denied' ? outcome.denied : undefined);
  return response;
}
