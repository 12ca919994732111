import { NextResponse, type NextRequest } from 'next/server';
import { authErrorPage } from '@/lib/auth/auth-page';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName, cookieOptions } from '@/lib/auth/cookies';
import { startLogin } from '@/lib/auth/oidc';
import { safeReturnTo } from '@/lib/auth/return-to';
import { seal } from '@/lib/auth/sealed-cookie';
import { log } from '@/lib/log/logger';

const LOGIN_FLOW_MS = 10 * 60_000;

// GET /auth/login?returnTo=/jobs/...: off to the IdP, remembering where to come back to.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get('returnTo'));
  if (config.mode !== 'oidc') return NextResponse.redirect(new URL(returnTo, request.url), 303);
  try {
    const { url, flow } = await startLogin(config, returnTo);
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(cookieName(config, 'login'), seal(flow, config.AUTH_SECRET, 'login', LOGIN_FLOW_MS), cookieOptions(config, LOGIN_FLOW_MS / 1000));
    return response;
  } catch (error) {
    log('error', 'oidc_discovery_failed', { name: (error as Error)?.name, message: (error as Error)?.message });
    return authErrorPage(502, 'Sign-in is unavailable', 'The portal could not reach the identity provider. Try again in a minute; if it persists, tell the operators.');
  }
}
