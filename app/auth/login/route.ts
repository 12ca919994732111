import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { safeReturnTo } from '@/lib/auth/return-to';
import { setAuthCookie } from '@/lib/auth/session';
import { beginSignIn } from '@/lib/auth/sign-in';
import { signInErrorPage } from '@/lib/http/html-page';
import { seeOther } from '@/lib/http/see-other';
import { log } from '@/lib/log/logger';

// GET /auth/login?returnTo=/jobs/...: off to the IdP, remembering where to come back to.
export async function GET(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get('returnTo'));
  if (config.mode !== 'oidc') return seeOther(returnTo);
  try {
    const { idpUrl, loginFlow } = await beginSignIn(config, returnTo);
    const response = NextResponse.redirect(idpUrl, 303);
    setAuthCookie(response.cookies, config, 'login', loginFlow);
    return response;
  } catch (error) {
    log('error', 'oidc_discovery_failed', { name: (error as Error)?.name, message: (error as Error)?.message });
    return signInErrorPage(request, 502, 'unavailable');
  }
}
