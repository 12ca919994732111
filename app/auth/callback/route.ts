import { NextResponse, type NextRequest } from 'next/server';
import { checkAccess, identityFromClaims } from '@/lib/auth/access';
import { authErrorPage } from '@/lib/auth/auth-page';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName, cookieOptions } from '@/lib/auth/cookies';
import { finishLogin, type LoginFlow } from '@/lib/auth/oidc';
import { seal, unseal } from '@/lib/auth/sealed-cookie';
import type { DeniedPayload, SessionPayload } from '@/lib/auth/viewer';
import { log } from '@/lib/log/logger';

/** An ID token rides along for RP-initiated logout only while the cookie stays well under 4 KB. */
const MAX_ID_TOKEN_IN_COOKIE = 1800;

// GET /auth/callback: the IdP sends the user back with a code; check everything, then start a session.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (config.mode !== 'oidc') return NextResponse.redirect(new URL('/jobs', request.url), 303);
  const flow = unseal<LoginFlow>(request.cookies.get(cookieName(config, 'login'))?.value, config.AUTH_SECRET, 'login');
  if (!flow) return authErrorPage(400, 'Sign-in expired', 'This sign-in link is no longer valid (it expired, or was opened in another browser). Start again.');
  const idpError = request.nextUrl.searchParams.get('error');
  if (idpError) return authErrorPage(400, 'Sign-in was refused', 'The identity provider did not sign you in. Start again, or ask for access.');

  let claims: Record<string, unknown>;
  let idToken: string | undefined;
  try {
    ({ claims, idToken } = await finishLogin(config, request.nextUrl, flow));
  } catch (error) {
    // The reason names the failed check (state, nonce, iss, aud, exp, signature) for operators.
    log('warn', 'oidc_callback_refused', { name: (error as Error)?.name, code: (error as { code?: string })?.code, message: (error as Error)?.message });
    return authErrorPage(400, 'Sign-in could not be verified', 'The answer from the identity provider did not pass the portal\'s checks. Start again.');
  }

  const identity = identityFromClaims(claims, config);
  const denial = checkAccess(identity, config);
  const back = (path: string) => {
    const response = NextResponse.redirect(new URL(path, config.APP_URL), 303);
    response.cookies.set(cookieName(config, 'login'), '', cookieOptions(config, 0));
    return response;
  };
  if (denial) {
    log('warn', 'access_denied', { sub: identity.sub, email: identity.email, reason: denial });
    const response = back('/auth/denied');
    const denied: DeniedPayload = { email: identity.email, reason: denial };
    response.cookies.set(cookieName(config, 'denied'), seal(denied, config.AUTH_SECRET, 'denied', 10 * 60_000), cookieOptions(config, 600));
    return response;
  }
  const session: SessionPayload = { ...identity, ...(idToken && idToken.length <= MAX_ID_TOKEN_IN_COOKIE ? { idToken } : {}) };
  log('info', 'signed_in', { sub: identity.sub, email: identity.email });
  const response = back(flow.returnTo);
  response.cookies.set(cookieName(config, 'session'), seal(session, config.AUTH_SECRET, 'session', config.sessionMs), cookieOptions(config, config.sessionMs / 1000));
  response.cookies.set(cookieName(config, 'denied'), '', cookieOptions(config, 0));
  return response;
}
