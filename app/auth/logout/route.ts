import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName } from '@/lib/auth/cookies';
import { endSessionUrl } from '@/lib/auth/oidc';
import { endSession, readSession, setAuthCookie } from '@/lib/auth/session';
import { jsonError } from '@/lib/http/error-response';
import { isSameOrigin } from '@/lib/http/same-origin';
import { seeOther } from '@/lib/http/see-other';

// POST /auth/logout from the portal's own pages: end the session here (revoked, so a copied cookie
// stops working too), then at the IdP when it offers RP-initiated logout. GET is refused, so a link
// or an image elsewhere cannot sign anyone out.
export async function POST(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (!isSameOrigin(request, config.mode === 'oidc' ? config.APP_URL : undefined)) {
    return jsonError(403, 'cross_origin', 'Sign out from the portal itself.');
  }
  if (config.mode !== 'oidc') return seeOther('/auth/signed-out');
  // Read directly, not through the viewer: a user outside the allow-lists signs out too.
  const session = await readSession(config, request.cookies.get(cookieName(config, 'session'))?.value);
  if (session) await endSession(session);
  const idpLogout = await endSessionUrl(config, session?.idToken);
  const response = NextResponse.redirect(idpLogout ?? new URL('/auth/signed-out', config.APP_URL), 303);
  for (const kind of ['session', 'denied', 'login'] as const) setAuthCookie(response.cookies, config, kind, undefined);
  return response;
}

export function GET(): Response {
  return jsonError(405, 'method_not_allowed', 'Sign out with the button in the portal (POST).', { Allow: 'POST' });
}
