import { NextResponse, type NextRequest } from 'next/server';
import { authErrorPage } from '@/lib/auth/auth-pages';
import { getAuthConfig } from '@/lib/auth/config';
import { startLogin } from '@/lib/auth/oidc';
import { safeReturnTo } from '@/lib/auth/return-to';
import { sealLoginFlow, setAuthCookie } from '@/lib/auth/session';
import { seeOther } from '@/lib/http/see-other';
import { log } from '@/lib/log/logger';

// GET /auth/login?returnTo=/jobs/...: off to the IdP, remembering where to come back to.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get('returnTo'));
  if (config.mode !== 'oidc') return seeOther(returnTo);
  try {
    const { url, flow } = await startLogin(config, returnTo);
    const response = NextResponse.redirect(url, 303);
    setAuthCookie(response.cookies, config, 'login', sealLoginFlow(config, flow));
    return response;
  } catch (error) {
    log('error', 'oidc_discovery_failed', { name: (error as Error)?.name, message: (error as Error)?.message });
    return authErrorPage(502, 'Sign-in is unavailable', 'The portal could not reach the identity provider. Try again in a minute; if it persists, tell the operators.');
  }
}
