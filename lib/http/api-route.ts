import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthConfig } from '@/lib/auth/config';
import { setAuthCookie } from '@/lib/auth/session';
import { authorizeApiRequest } from './api-gate';
import { writeAuditLine } from './audit';
import { toPortalError } from '@/lib/errors';
import { errorResponse, NO_STORE } from './error-response';
import { clientRequestId, newRequestId } from './request-id';

// Every JSON API route: the user first (401/403/429 before any upstream call), then the work, then
// one audit line with who asked what, the outcome, ICE's RequestId and the time it took.

export interface ApiResult {
  body: Record<string, unknown>;
  requestId?: string;
}

export interface ApiRouteOptions {
  /** The route's own query parameters: audited by value; any other is only counted. */
  params?: readonly string[];
}

export function apiRoute<Context>(route: string, run: (request: NextRequest, context: Context) => Promise<ApiResult>, options: ApiRouteOptions = {}) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    const started = Date.now();
    const requestId = newRequestId();
    let response: NextResponse;
    let iceRequestId: string | undefined;
    const admission = await authorizeApiRequest(request);
    if ('refusal' in admission) {
      response = admission.refusal;
    } else {
      try {
        const result = await run(request, context);
        iceRequestId = result.requestId;
        response = NextResponse.json(result.body, { headers: NO_STORE });
      } catch (error) {
        const known = toPortalError(error);
        iceRequestId = known.requestId;
        response = errorResponse(known);
      }
      const config = getAuthConfig();
      if (config.mode === 'oidc' && admission.refreshedSession) setAuthCookie(response.cookies, config, 'session', admission.refreshedSession);
    }
    writeAuditLine({
      requestId,
      clientRequestId: clientRequestId(request.headers.get('x-request-id')),
      user: admission.user,
      route,
      path: request.nextUrl.pathname,
      search: request.nextUrl.searchParams,
      knownParams: options.params ?? [],
      status: response.status,
      anonymous: 'anonymous' in admission ? admission.anonymous : undefined,
      iceRequestId,
      startedMs: started,
    });
    response.headers.set('x-request-id', requestId);
    return response;
  };
}
