import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName, cookieOptions } from '@/lib/auth/cookies';
import { endSessionUrl } from '@/lib/auth/oidc';
import { currentViewer } from '@/lib/auth/viewer';
import { isSameOrigin } from '@/lib/http/same-origin';

// POST /auth/logout from the portal's own pages: end the session here, then at the IdP when it offers
// RP-initiated logout. GET is refused, so a link or an image elsewhere cannot sign anyone out.
export async function POST(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (!isSameOrigin(request, config.mode === 'oidc' ? config.APP_URL : undefined)) {
    return Response.json({ error: { code: 'cross_origin', message: 'Sign out from the portal itself.' } }, { status: 403 });
  }
  if (config.mode !== 'oidc') return NextResponse.redirect(new URL('/auth/signed-out', request.url), 303);
  const viewer = await currentViewer();
  const idpLogout = await endSessionUrl(config, viewer.kind === 'user' ? viewer.idToken : undefined);
  const response = NextResponse.redirect(idpLogout ?? new URL('/auth/signed-out', config.APP_URL), 303);
  for (const kind of ['session', 'denied', 'login'] as const) response.cookies.set(cookieName(config, kind), '', cookieOptions(config, 0));
  return response;
}

export function GET(): Response {
  return Response.json(
    { error: { code: 'method_not_allowed', message: 'Sign out with the button in the portal (POST).' } },
    { status: 405, headers: { Allow: 'POST' } },
  );
}
