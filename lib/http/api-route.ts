import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { User } from '@/lib/auth/access';
import { getAuthConfig } from '@/lib/auth/config';
import { setAuthCookie } from '@/lib/auth/session';
import { authorizeApiRequest } from './api-gate';
import { writeAuditLine } from './audit';
import { crossOrigin, csrfInvalid, submitForbidden, tokenNotAccepted, tokenScope, toPortalError } from '@/lib/errors';
import { CSRF_HEADER, csrfBinding, isCsrfTokenValid } from '@/lib/submit/csrf';
import { maySubmit } from '@/lib/submit/submit-access';
import { getSubmitConfig } from '@/lib/submit/submit-config';
import type { TokenHolder } from '@/lib/tokens/api-tokens';
import { errorResponse, NO_STORE } from './error-response';
import { clientRequestId, newRequestId } from './request-id';
import { isSameOrigin } from './same-origin';

// Every API route: the user first (401/403/429 before any upstream call), then the work, then one
// audit line with who asked what, the outcome, ICE's RequestId and the time it took. A route answers
// JSON, or a stream (an export): then the audit line is written when the response starts, with the
// status it starts with, and the route logs how the stream ended under the same request id.

export interface ApiResult {
  body: Record<string, unknown>;
  /** 200 unless said: 201 for something created, 204 (and no body) for something deleted. */
  status?: 200 | 201 | 204;
  requestId?: string;
}

/** A streamed 200: the body and its own headers (Content-Type and the like); Cache-Control is added. */
export interface ApiStream {
  stream: ReadableStream<Uint8Array>;
  headers: Record<string, string>;
}

/** What the wrapper knows about the request that a route may need, such as the id its log lines carry. */
export interface ApiCall {
  requestId: string;
  /** The signed-in person the gate admitted. */
  user: User;
  /** The API token the request came with, if it came with one rather than a session. */
  token?: TokenHolder['token'];
}

export interface ApiRouteOptions {
  /** The route's own query parameters: audited by value; any other is only counted. */
  params?: readonly string[];
  /**
   * The route changes state (POST, PATCH, DELETE): a browser's request must come from a page of this
   * portal (its Origin), so another site cannot make a signed-in browser send it.
   */
  changesState?: boolean;
  /** The route manages API tokens: a browser's session only, never a token (403 token_not_accepted). */
  sessionOnly?: boolean;
  /**
   * The route starts probes at ICE (implies changesState): only for people who may submit
   * (lib/submit/submit-access.ts), from a browser with this session's CSRF token in X-CSRF-Token, or
   * with an API token of the `submit` scope. Refused with a 403 before any ICE call.
   */
  submits?: boolean;
}

export function apiRoute<Context>(
  route: string,
  run: (request: NextRequest, context: Context, call: ApiCall) => Promise<ApiResult | ApiStream>,
  options: ApiRouteOptions = {},
) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    const started = Date.now();
    const requestId = newRequestId();
    let response: Response;
    let iceRequestId: string | undefined;
    const admission = await authorizeApiRequest(request);
    if ('refusal' in admission) {
      response = admission.refusal;
    } else if (admission.token && options.sessionOnly) {
      response = errorResponse(tokenNotAccepted('tokens'));
    } else if (admission.token && (options.changesState || options.submits) && !(options.submits && admission.token.scope === 'submit')) {
      response = errorResponse(tokenScope(admission.token.scope));
    } else if (!admission.token && (options.changesState || options.submits) && !isSameOrigin(request, process.env.APP_URL || undefined)) {
      // A token is sent by a script on purpose; a cookie by any page the browser opens: only it needs the Origin check.
      response = errorResponse(crossOrigin());
    } else if (options.submits && !maySubmit(admission.user, getAuthConfig().mode, getSubmitConfig())) {
      response = errorResponse(submitForbidden());
    } else if (options.submits && !admission.token && !isCsrfTokenValid(request.headers.get(CSRF_HEADER), csrfBinding(admission.user, admission.sessionId))) {
      response = errorResponse(csrfInvalid());
    } else {
      try {
        const result = await run(request, context, { requestId, user: admission.user, ...(admission.token ? { token: admission.token } : {}) });
        if ('stream' in result) {
          response = new Response(result.stream, { headers: { ...result.headers, ...NO_STORE } });
        } else {
          iceRequestId = result.requestId;
          // A plain Response: NextResponse.json builds a Response and then a second one around its body.
          response = result.status === 204 ? new Response(null, { status: 204, headers: NO_STORE }) : Response.json(result.body, { status: result.status ?? 200, headers: NO_STORE });
        }
      } catch (error) {
        const known = toPortalError(error);
        iceRequestId = known.requestId;
        response = errorResponse(known);
      }
      const config = getAuthConfig();
      if (config.mode === 'oidc' && admission.refreshedSession) {
        // Once a minute per user at most: only then the wrapper that can set a cookie.
        const withCookie = new NextResponse(response.body, response);
        setAuthCookie(withCookie.cookies, config, 'session', admission.refreshedSession);
        response = withCookie;
      }
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
      tokenId: 'token' in admission ? admission.token?.id : 'tokenId' in admission ? admission.tokenId : undefined,
      iceRequestId,
      startedMs: started,
    });
    response.headers.set('x-request-id', requestId);
    return response;
  };
}
