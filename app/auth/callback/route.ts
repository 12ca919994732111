import { NextResponse, type NextRequest } from 'next/server';
import { checkAccess, identityFromClaims } from '@/lib/auth/access';
import { authErrorPage } from '@/lib/auth/auth-pages';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName } from '@/lib/auth/cookies';
import { finishLogin } from '@/lib/auth/oidc';
import { openLoginFlow, sealDenied, setAuthCookie, startSession } from '@/lib/auth/session';
import { seeOther } from '@/lib/http/see-other';
import { log } from '@/lib/log/logger';

// GET /auth/callback: the IdP sends the user back with a code; check everything, then start a session.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (config.mode !== 'oidc') return seeOther('/jobs');
  const flow = openLoginFlow(config, request.cookies.get(cookieName(config, 'login'))?.value);
  if (!flow) return authErrorPage(400, 'Sign-in expired', 'This sign-in link is no longer valid (it expired, or was opened in another browser). Start again.');
  if (request.nextUrl.searchParams.get('error')) {
    return authErrorPage(400, 'Sign-in was refused', 'The identity provider did not sign you in. Start again, or ask for access.');
  }

  let claims: Record<string, unknown>;
  let idToken: string | undefined;
  try {
    ({ claims, idToken } = await finishLogin(config, request.nextUrl, flow));
  } catch (error) {
    // The reason names the failed check (state, nonce, iss, aud, exp, signature) for operators.
    log('warn', 'oidc_callback_refused', { name: (error as Error)?.name, code: (error as { code?: string })?.code, message: (error as Error)?.message });
    return authErrorPage(400, 'Sign-in could not be verified', "The answer from the identity provider did not pass the portal's checks. Start again.");
  }

  const identity = identityFromClaims(claims, config);
  const denial = checkAccess(identity, config);
  const back = (path: string) => {
    const response = NextResponse.redirect(new URL(path, config.APP_URL), 303);
    setAuthCookie(response.cookies, config, 'login', undefined);
    return response;
  };
  if (denial) {
    log('warn', 'access_denied', { sub: identity.sub, email: identity.email, reason: denial });
    const response = back('/auth/denied');
    setAuthCookie(response.cookies, config, 'denied', sealDenied(config, { email: identity.email, reason: denial }));
    return response;
  }
  const session = startSession(config, identity, idToken);
  if (!session) {
    log('warn', 'session_too_large', { sub: identity.sub, email: identity.email, groups: identity.groups.length });
    return authErrorPage(
      400,
      'Sign-in could not be completed',
      'Your account carries more allowed groups or longer names than fit in a browser cookie, so the portal cannot keep you signed in. Ask the operators to shorten AUTH_ALLOWED_GROUPS.',
    );
  }
  log('info', 'signed_in', { sub: identity.sub, email: identity.email });
  const response = back(flow.returnTo);
  setAuthCookie(response.cookies, config, 'session', session);
  setAuthCookie(response.cookies, config, 'denied', undefined);
  return response;
}
