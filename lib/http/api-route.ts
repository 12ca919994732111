import 'server-only';
import type { NextRequest } from 'next/server';
import { authorizeApiRequest } from '@/lib/auth/require-user';
import { log } from '@/lib/log/logger';
import { errorResponse, NO_STORE, toIceError } from './error-response';
import { requestIdFor } from './request-id';

// Every JSON API route: the user first (401/403/429 before any upstream call), then the work, then
// one audit line with who asked what, the outcome, ICE's RequestId and the time it took.

export interface ApiResult {
  body: Record<string, unknown>;
  requestId?: string;
}

const MAX_AUDITED_VALUE = 200;

export function apiRoute<Context>(route: string, run: (request: NextRequest, context: Context) => Promise<ApiResult>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    const started = Date.now();
    const requestId = requestIdFor(request.headers.get('x-request-id'));
    let response: Response;
    let iceRequestId: string | undefined;
    const user = await authorizeApiRequest();
    if (user instanceof Response) {
      response = user;
    } else {
      try {
        const result = await run(request, context);
        iceRequestId = result.requestId;
        response = Response.json(result.body, { headers: NO_STORE });
      } catch (error) {
        const known = toIceError(error);
        iceRequestId = known.requestId;
        response = errorResponse(known);
      }
    }
    log('info', 'audit', {
      requestId,
      user: user instanceof Response ? null : (user.email ?? user.sub),
      route,
      path: request.nextUrl.pathname,
      params: Object.fromEntries([...request.nextUrl.searchParams].map(([k, v]) => [k.slice(0, 64), v.slice(0, MAX_AUDITED_VALUE)])),
      status: response.status,
      iceRequestId,
      ms: Date.now() - started,
    });
    response.headers.set('x-request-id', requestId);
    return response;
  };
}
