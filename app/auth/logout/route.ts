import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { cookieName } from '@/lib/auth/cookies';
import { setAuthCookie } from '@/lib/auth/session';
import { signOut } from '@/lib/auth/sign-in';
import { crossOrigin, methodNotAllowed } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { isSameOrigin } from '@/lib/http/same-origin';
import { seeOther } from '@/lib/http/see-other';

// POST /auth/logout from the portal's own pages: end the session here (revoked, so a copied cookie
// stops working too), then at the IdP when it offers RP-initiated logout. GET is refused, so a link
// or an image elsewhere cannot sign anyone out.
export async function POST(request: NextRequest): Promise<Response> {
  const config = getAuthConfig();
  if (!isSameOrigin(request, config.mode === 'oidc' ? config.APP_URL : undefined)) return errorResponse(crossOrigin());
  if (config.mode !== 'oidc') return seeOther('/auth/signed-out');
  const response = NextResponse.redirect(await signOut(config, request.cookies.get(cookieName(config, 'session'))?.value), 303);
  for (const kind of ['session', 'denied', 'login'] as const) setAuthCookie(response.cookies, config, kind, undefined);
  return response;
}

export function GET(): Response {
  return errorResponse(methodNotAllowed('POST', 'Sign out with the button in the portal (POST).'));
}
